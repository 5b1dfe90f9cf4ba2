// Single-item conditional writes and what their failure means. A failed condition is an
// answer ("stale", "already there"), never an error to retry.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Key } from './keys.ts';

export function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * The result of a version-guarded write:
 * - `stored`: this write went in;
 * - `already-stored`: this very message (same sender and messageId) went in on an earlier
 *   attempt that stopped before finishing: go on with the steps after the write;
 * - `stale`: an equal or newer version from another message is there: acknowledge, do nothing.
 */
export type WriteOutcome = 'stored' | 'already-stored' | 'stale';

export interface Provenance {
  readonly senderId: string;
  readonly messageId: string;
}

/** The item a guarded write targets, to read back who holds it. */
export interface GuardedItem {
  readonly db: DynamoDBDocumentClient;
  readonly table: string;
  readonly key: Key;
}

/** Runs a conditional write; on a failed condition, asks who holds the item. */
export async function guardedWrite(
  write: () => Promise<unknown>,
  { db, table, key }: GuardedItem,
  mine: Provenance,
): Promise<WriteOutcome> {
  try {
    await write();
    return 'stored';
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  // dynalite has no ReturnValuesOnConditionCheckFailure, so read the holder back (consistently).
  const { Item } = await db.send(
    new GetCommand({ TableName: table, Key: key, ConsistentRead: true, ProjectionExpression: 'senderId, messageId' }),
  );
  const held = Item as Provenance | undefined;
  return held && held.senderId === mine.senderId && held.messageId === mine.messageId ? 'already-stored' : 'stale';
}
