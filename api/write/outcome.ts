// What became of a message the console sent: the ingest either stored it (the item it writes
// names this messageId and sender), refused it (a quarantine entry of the sender names it), or
// has not got to it yet. The receipt the browser polls with is the message id and the key of the
// item the ingest writes, opaque to the browser; it answers only for the caller's own messages.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { InboundMessage } from '../../shared/contract/messages.ts';
import type { Problem } from '../../shared/contract/problems.ts';
import { listRejections } from '../../shared/storage/console-lists.ts';
import { applicationKey, receivedRulingKey, statusKey, type Key } from '../../shared/storage/keys.ts';

const receiptContent = z.object({ m: z.string(), pk: z.string(), sk: z.string() });

export function receiptOf(message: InboundMessage): string {
  let key: Key;
  if (message.schema === 'linkage.enforcement-status.v1')
    key = statusKey(message.body.personId, message.body.judgmentId, message.body.itemNo);
  else if (message.schema === 'linkage.reduction-dossier.v1')
    key = applicationKey(message.body.prisoner.personId, message.body.applicationId);
  else key = receivedRulingKey(message.body.applicationId, message.body.rulingRef);
  return Buffer.from(JSON.stringify({ m: message.messageId, pk: key.pk, sk: key.sk }), 'utf8').toString('base64url');
}

export type Outcome =
  | { state: 'accepted' }
  | { state: 'rejected'; ref: string; reason: string; problems: Problem[] }
  | { state: 'pending' };

/** How many of the sender's newest rejections are searched for the message. */
const RECENT_REJECTIONS = 50;

export async function outcomeOf(
  db: DynamoDBDocumentClient,
  tables: { cases: string; quarantine: string },
  institutionId: string,
  receipt: string,
): Promise<Outcome | undefined> {
  let content: z.infer<typeof receiptContent>;
  try {
    content = receiptContent.parse(JSON.parse(Buffer.from(receipt, 'base64url').toString('utf8')));
  } catch {
    return undefined;
  }
  const stored = await db.send(
    new GetCommand({
      TableName: tables.cases,
      Key: { pk: content.pk, sk: content.sk },
      ConsistentRead: true,
      ProjectionExpression: 'senderId, messageId',
    }),
  );
  const item = stored.Item;
  const mine = (held: unknown) => {
    const h = held as { senderId?: unknown; messageId?: unknown } | undefined;
    return h?.senderId === institutionId && h.messageId === content.m;
  };
  if (item && mine(item)) return { state: 'accepted' };
  const rejections = await listRejections(db, tables.quarantine, { institutionId, limit: RECENT_REJECTIONS });
  const rejected = rejections.rows.find((r) => r.rejectedMessageId === content.m);
  if (rejected) return { state: 'rejected', ref: rejected.pk, reason: rejected.reason, problems: rejected.problems };
  return { state: 'pending' };
}
