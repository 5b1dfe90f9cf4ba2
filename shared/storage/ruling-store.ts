// Rulings as received, under their application (pk APP#<applicationId>, sk R#<rulingRef>).
// A ruling may arrive before its dossier: it waits here, and the dossier's arrival attaches it.
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RulingMessage } from '../contract/messages.ts';
import { guardedWrite, type WriteOutcome } from './conditional.ts';
import { RECEIVED_RULING_PREFIX, applicationLookupKey, receivedRulingKey } from './keys.ts';
import { queryAll } from './query-all.ts';
import { storedRuling, type StoredRuling } from './records.ts';

/** Keeps the ruling; the same rulingRef from another message is a duplicate (`stale`). */
export async function putReceivedRuling(
  db: DynamoDBDocumentClient,
  table: string,
  message: RulingMessage,
  receivedAt: string,
): Promise<WriteOutcome> {
  const key = receivedRulingKey(message.body.applicationId, message.body.rulingRef);
  const provenance = { senderId: message.sender.id, messageId: message.messageId };
  const ruling: StoredRuling = { body: message.body, receivedAt, ...provenance };
  return guardedWrite(
    () =>
      db.send(
        new PutCommand({
          TableName: table,
          Item: { ...key, ...ruling },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    { db, table, key },
    provenance,
  );
}

/** Every ruling received for the application, attached or not. */
export async function receivedRulings(
  db: DynamoDBDocumentClient,
  table: string,
  applicationId: string,
): Promise<StoredRuling[]> {
  const items = await queryAll(db, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': applicationLookupKey(applicationId).pk, ':prefix': RECEIVED_RULING_PREFIX },
    ConsistentRead: true,
  });
  return items.map((item) => storedRuling.parse(item));
}

/** Forgets a received ruling that was rejected (its raw text is in quarantine). */
export async function deleteReceivedRuling(
  db: DynamoDBDocumentClient,
  table: string,
  applicationId: string,
  rulingRef: string,
): Promise<void> {
  await db.send(new DeleteCommand({ TableName: table, Key: receivedRulingKey(applicationId, rulingRef) }));
}
