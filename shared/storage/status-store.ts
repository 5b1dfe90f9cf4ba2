// Enforcement statuses: the newest version of each property item, per prisoner.
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EnforcementStatusMessage } from '../contract/messages.ts';
import { guardedWrite, type WriteOutcome } from './conditional.ts';
import { statusKey } from './keys.ts';

/** Stores the status unless an equal or newer version of the item is already there. */
export async function putStatus(
  db: DynamoDBDocumentClient,
  table: string,
  message: EnforcementStatusMessage,
  receivedAt: string,
): Promise<WriteOutcome> {
  const { body } = message;
  const key = statusKey(body.personId, body.judgmentId, body.itemNo);
  const provenance = { senderId: message.sender.id, messageId: message.messageId };
  return guardedWrite(
    () =>
      db.send(
        new PutCommand({
          TableName: table,
          Item: { ...key, body, version: body.version, sentAt: message.sentAt, receivedAt, ...provenance },
          ConditionExpression: 'attribute_not_exists(pk) OR #version < :v',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':v': body.version },
        }),
      ),
    { db, table, key },
    provenance,
  );
}
