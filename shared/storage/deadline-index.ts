// The byDeadline index of the cases table: applications whose next check time has come.
// It projects keys only: the person and the application are read from the table keys.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEADLINE_INDEX } from '../resources/tables.ts';
import { applicationIdOfSk, personIdOfPk } from './keys.ts';
import { queryAll } from './query-all.ts';

export interface DueApplication {
  readonly personId: string;
  readonly applicationId: string;
  /** The UTC instant the index holds: part of the deduplication key of the re-evaluation. */
  readonly nextCheckAt: string;
}

/** Applications in one shard whose nextCheckAt is at or before `nowIso` (UTC, ISO 8601). */
export async function dueApplications(
  db: DynamoDBDocumentClient,
  table: string,
  shard: string,
  nowIso: string,
): Promise<DueApplication[]> {
  const items = await queryAll(db, {
    TableName: table,
    IndexName: DEADLINE_INDEX,
    KeyConditionExpression: 'dueShard = :shard AND nextCheckAt <= :now',
    ExpressionAttributeValues: { ':shard': shard, ':now': nowIso },
  });
  return items.map((item) => ({
    personId: personIdOfPk(String(item.pk)),
    applicationId: applicationIdOfSk(String(item.sk)),
    nextCheckAt: String(item.nextCheckAt),
  }));
}
