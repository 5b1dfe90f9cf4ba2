// What became of a message the console sent: the ingest either stored it (the item it writes
// names this messageId and sender), refused it (a quarantine entry of the sender names it),
// acknowledged it without effect because the same or a newer version is already stored (the
// ingest's StaleOrDuplicate: nothing is written, so the stored item is the only evidence), or
// has not got to it yet. The receipt the browser polls with is the message id, its version and
// the key of the item the ingest writes, opaque to the browser; it answers only for the caller's
// own messages.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { InboundMessage } from '../../shared/contract/messages.ts';
import type { Problem } from '../../shared/contract/problems.ts';
import { listRejections } from '../../shared/storage/console-lists.ts';
import { applicationKey, receivedRulingKey, statusKey, type Key } from '../../shared/storage/keys.ts';

const receiptContent = z.object({
  m: z.string(),
  pk: z.string(),
  sk: z.string(),
  /** The message's version; absent for a ruling (a ruling number is kept once). */
  v: z.number().int().optional(),
});

export function receiptOf(message: InboundMessage): string {
  let key: Key;
  let version: number | undefined;
  if (message.schema === 'linkage.enforcement-status.v1') {
    key = statusKey(message.body.personId, message.body.judgmentId, message.body.itemNo);
    version = message.body.version;
  } else if (message.schema === 'linkage.reduction-dossier.v1') {
    key = applicationKey(message.body.prisoner.personId, message.body.applicationId);
    version = message.body.version;
  } else key = receivedRulingKey(message.body.applicationId, message.body.rulingRef);
  const content = { m: message.messageId, pk: key.pk, sk: key.sk, ...(version === undefined ? {} : { v: version }) };
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

export type Outcome =
  | { state: 'accepted' }
  | { state: 'rejected'; ref: string; reason: string; problems: Problem[] }
  /** Acknowledged without effect: `storedVersion` equal (a repeat) or newer; absent for a ruling. */
  | { state: 'stale'; sentVersion?: number; storedVersion?: number }
  | { state: 'pending' };

/** How many of the sender's newest rejections are searched for the message. */
const RECENT_REJECTIONS = 50;

interface Held {
  senderId?: unknown;
  messageId?: unknown;
  version?: unknown;
  dossierVersion?: unknown;
}

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
      ProjectionExpression: 'senderId, messageId, #version, dossierVersion',
      ExpressionAttributeNames: { '#version': 'version' },
    }),
  );
  const item = stored.Item as Held | undefined;
  if (item?.senderId === institutionId && item.messageId === content.m) return { state: 'accepted' };
  const rejections = await listRejections(db, tables.quarantine, { institutionId, limit: RECENT_REJECTIONS });
  const rejected = rejections.rows.find((r) => r.rejectedMessageId === content.m);
  if (rejected) return { state: 'rejected', ref: rejected.pk, reason: rejected.reason, problems: rejected.problems };
  return staleOutcome(item, institutionId, content.v) ?? { state: 'pending' };
}

/**
 * Whether the ingest can only acknowledge the message as stale: another message holds the key
 * with the same or a newer version (a ruling: the same ruling number). The console checks the
 * contract and the registry references before sending, so nothing the ingest checks before its
 * version guard can still refuse it. Only what this institution sent counts: another's item
 * tells the caller nothing (and a dossier held by another prison ends in a conflict rejection).
 */
function staleOutcome(item: Held | undefined, institutionId: string, sentVersion: number | undefined) {
  if (!item || item.senderId !== institutionId) return undefined;
  if (sentVersion === undefined) return { state: 'stale' as const };
  const held = typeof item.dossierVersion === 'number' ? item.dossierVersion : item.version;
  if (typeof held !== 'number' || held < sentVersion) return undefined;
  return { state: 'stale' as const, sentVersion, storedVersion: held };
}
