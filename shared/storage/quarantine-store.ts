// The quarantine table: the raw text of every rejected message, so nothing is lost and
// the sender can correct and resend it. A DynamoDB item holds at most 400 KB while SQS
// delivers up to 1 MiB, so large texts are gzipped and, if still too large, split into parts
// (pk `<ref>#part-<n>`); the main item is written last and says how many parts there are.
import { gzipSync } from 'node:zlib';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Problem } from '../contract/problems.ts';
import { isConditionalCheckFailed } from './conditional.ts';

/** Raw bytes per item, well under the 400 KB item limit with the other attributes. */
export const QUARANTINE_CHUNK_BYTES = 300_000;

export interface QuarantineEntry {
  readonly quarantineRef: string;
  readonly raw: string;
  readonly problems: readonly Problem[];
  /** The queue the message came in on, and the institution it belongs to. */
  readonly queue: string;
  readonly queueOwnerId: string;
  readonly receivedAt: string;
  readonly reason: string;
  readonly rejectedMessageId?: string;
}

export function partRef(quarantineRef: string, part: number): string {
  return `${quarantineRef}#part-${part}`;
}

/** Keeps the entry; an entry already under the same ref (a redelivery) is left as it is. */
export async function quarantine(db: DynamoDBDocumentClient, table: string, entry: QuarantineEntry): Promise<void> {
  const { raw, quarantineRef, ...rest } = entry;
  const rawBytes = Buffer.byteLength(raw, 'utf8');
  let content: Record<string, unknown>;
  if (rawBytes <= QUARANTINE_CHUNK_BYTES) {
    content = { raw };
  } else {
    const zipped = gzipSync(Buffer.from(raw, 'utf8'));
    const parts: Uint8Array[] = [];
    for (let start = 0; start < zipped.length; start += QUARANTINE_CHUNK_BYTES) {
      parts.push(new Uint8Array(zipped.subarray(start, start + QUARANTINE_CHUNK_BYTES)));
    }
    for (let index = 1; index < parts.length; index += 1) {
      await db.send(
        new PutCommand({ TableName: table, Item: { pk: partRef(quarantineRef, index), rawGzip: parts[index] } }),
      );
    }
    content = { rawGzip: parts[0], parts: parts.length };
  }
  try {
    await db.send(
      new PutCommand({
        TableName: table,
        Item: { pk: quarantineRef, ...rest, rawBytes, ...content },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
