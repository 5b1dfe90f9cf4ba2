// Reads one application's state from the service's tables (layout in
// shared/resources/tables.ts): the application item, its revisions in the decisions table
// (the audit trail) and the verification requests sent about it.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FulfilmentFlag } from '../shared/contract/fulfilment-flag.ts';
import { tableName } from '../shared/resources/tables.ts';
import { getApplication, getApplicationLookup } from '../shared/storage/application-store.ts';
import { decisionKey, prisonerPk, SK_PREFIX } from '../shared/storage/keys.ts';
import { storedRequest, type StoredApplication, type StoredRequest } from '../shared/storage/records.ts';
import { queryAll } from '../shared/storage/query-all.ts';
import { decodeFlag } from '../shared/storage/stored-flag.ts';

export interface RevisionRecord {
  readonly revision: number;
  readonly flag: FulfilmentFlag;
  readonly trigger: string;
  readonly recordedAt: string;
}

export interface CaseHistory {
  readonly application: StoredApplication;
  readonly revisions: RevisionRecord[];
  readonly requests: StoredRequest[];
}

export async function readCaseHistory(
  db: DynamoDBDocumentClient,
  stage: string,
  applicationId: string,
): Promise<CaseHistory | undefined> {
  const cases = tableName(stage, 'cases');
  const lookup = await getApplicationLookup(db, cases, applicationId);
  if (!lookup) return undefined;
  const application = await getApplication(db, cases, lookup.personId, applicationId);
  if (!application) return undefined;
  const revisions = (
    await queryAll(db, {
      TableName: tableName(stage, 'decisions'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': decisionKey(applicationId, 1).pk },
    })
  ).map((item): RevisionRecord => ({
    revision: Number(item.revision),
    flag: decodeFlag(item),
    trigger: String(item.trigger ?? ''),
    recordedAt: String(item.recordedAt ?? ''),
  }));
  const requests = (
    await queryAll(db, {
      TableName: cases,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': prisonerPk(lookup.personId), ':v': SK_PREFIX.request },
      ConsistentRead: true,
    })
  )
    .map((item) => storedRequest.parse(item))
    .filter((r) => r.body.applicationId === applicationId);
  return { application, revisions: revisions.sort((a, b) => a.revision - b.revision), requests };
}
