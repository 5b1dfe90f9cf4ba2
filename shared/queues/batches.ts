// SQS batch calls with their limits, for whoever sends to or reads from the service's queues
// from outside a function: the CLI's send, import and inbox, and local mode's demo.
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/** SendMessageBatch's and DeleteMessageBatch's limit on entries, and ReceiveMessage's on messages. */
export const MAX_BATCH_ENTRIES = 10;
/** SendMessageBatch's limit on the sum of the bodies (the classic 256 KiB). */
const MAX_BATCH_BYTES = 256 * 1024;

export interface SendFailure {
  /** Index into the bodies given. */
  readonly index: number;
  readonly reason: string;
}

/** Sends bodies in as few SendMessageBatch calls as the limits allow; returns what SQS refused. */
export async function sendBodies(sqs: SQSClient, queueUrl: string, bodies: readonly string[]): Promise<SendFailure[]> {
  const failures: SendFailure[] = [];
  let batch: number[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const indexes = batch;
    batch = [];
    bytes = 0;
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: indexes.map((index) => ({ Id: String(index), MessageBody: bodies[index]! })),
      }),
    );
    for (const failed of result.Failed ?? [])
      failures.push({ index: Number(failed.Id), reason: `${failed.Code ?? 'failed'}: ${failed.Message ?? ''}`.trim() });
  };
  for (let index = 0; index < bodies.length; index += 1) {
    const size = Buffer.byteLength(bodies[index]!, 'utf8');
    if (batch.length === MAX_BATCH_ENTRIES || (batch.length > 0 && bytes + size > MAX_BATCH_BYTES)) await flush();
    batch.push(index);
    bytes += size;
  }
  await flush();
  return failures;
}

export async function receiveSome(
  sqs: SQSClient,
  queueUrl: string,
  waitSeconds: number,
  signal?: AbortSignal,
): Promise<Message[]> {
  const response = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: MAX_BATCH_ENTRIES,
      WaitTimeSeconds: waitSeconds,
      MessageSystemAttributeNames: ['SentTimestamp'],
    }),
    signal ? { abortSignal: signal } : {},
  );
  return response.Messages ?? [];
}

export async function acknowledge(sqs: SQSClient, queueUrl: string, messages: readonly Message[]): Promise<void> {
  if (messages.length === 0) return;
  await sqs.send(
    new DeleteMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
    }),
  );
}
