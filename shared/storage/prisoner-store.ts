// Everything the service holds about one prisoner, read with one strongly consistent
// Query on the prisoner's partition (paged when it outgrows 1 MB).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SK_PREFIX, prisonerPk } from './keys.ts';
import { queryAll } from './query-all.ts';
import { withDossier } from './stored-dossier.ts';
import {
  storedApplication,
  storedRequest,
  storedStatus,
  type StoredApplication,
  type StoredRequest,
  type StoredStatus,
} from './records.ts';

export interface PrisonerRecord {
  readonly statuses: readonly StoredStatus[];
  readonly applications: readonly StoredApplication[];
  readonly requests: readonly StoredRequest[];
}

export async function loadPrisoner(
  db: DynamoDBDocumentClient,
  table: string,
  personId: string,
): Promise<PrisonerRecord> {
  const statuses: StoredStatus[] = [];
  const applications: StoredApplication[] = [];
  const requests: StoredRequest[] = [];
  const items = await queryAll(db, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': prisonerPk(personId) },
    ConsistentRead: true,
  });
  for (const item of items) {
    const sk = String(item.sk);
    if (sk.startsWith(SK_PREFIX.status)) statuses.push(storedStatus.parse(item));
    else if (sk.startsWith(SK_PREFIX.application)) applications.push(storedApplication.parse(withDossier(item)));
    else if (sk.startsWith(SK_PREFIX.request)) requests.push(storedRequest.parse(item));
  }
  return { statuses, applications, requests };
}
