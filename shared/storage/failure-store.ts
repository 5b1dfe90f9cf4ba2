// The last error of each record a function failed, kept so an operator looking at a
// dead-letter queue can see why its messages are there (`linkage dlq show`): SQS moves a
// message to its DLQ with the same message id and nothing about why. Stored in the
// quarantine table (which the ingest functions already write) under `failure#<queue>#<id>`,
// apart from quarantine entries; the newest failure of a message replaces the older one.
import { BatchGetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const FAILURE_PREFIX = 'failure#';
/** Enough of an error message to act on; a stack trace stays in the logs. */
const MESSAGE_CHARS = 500;

export interface RecordFailure {
  readonly queue: string;
  readonly sqsMessageId: string;
  readonly errorName: string;
  readonly errorMessage: string;
  /** Which receive of the message failed (the source queue's ApproximateReceiveCount). */
  readonly receiveCount: number;
  readonly failedAt: string;
  readonly functionName: string;
}

export function failureRef(queue: string, sqsMessageId: string): string {
  return `${FAILURE_PREFIX}${queue}#${sqsMessageId}`;
}

export async function recordFailure(
  db: DynamoDBDocumentClient,
  table: string,
  failure: Omit<RecordFailure, 'errorName' | 'errorMessage'>,
  error: unknown,
): Promise<void> {
  const e = error instanceof Error ? error : new Error(String(error));
  await db.send(
    new PutCommand({
      TableName: table,
      Item: {
        pk: failureRef(failure.queue, failure.sqsMessageId),
        ...failure,
        errorName: e.name,
        errorMessage: e.message.slice(0, MESSAGE_CHARS),
      },
    }),
  );
}

/** The stored failures of these messages of one queue, by SQS message id. */
export async function findFailures(
  db: DynamoDBDocumentClient,
  table: string,
  queue: string,
  sqsMessageIds: readonly string[],
): Promise<Map<string, RecordFailure>> {
  const found = new Map<string, RecordFailure>();
  for (let start = 0; start < sqsMessageIds.length; start += 100) {
    let keys: Record<string, unknown>[] | undefined = sqsMessageIds
      .slice(start, start + 100)
      .map((id) => ({ pk: failureRef(queue, id) }));
    while (keys && keys.length > 0) {
      const page = await db.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of page.Responses?.[table] ?? []) {
        const failure = item as unknown as RecordFailure;
        found.set(failure.sqsMessageId, failure);
      }
      keys = page.UnprocessedKeys?.[table]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}
