// What the SQS event source does with a batch after the invocation, and how the runner tells
// that nothing is left to do.
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/** Deletes what succeeded. Failures are left to the visibility timeout, or (tests) made visible again sooner. */
export async function settleBatch(
  sqs: SQSClient,
  queueUrl: string,
  done: readonly Message[],
  failed: readonly Message[],
  failedVisibilitySeconds?: number,
): Promise<void> {
  for (const chunk of chunks(done, 10)) {
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: chunk.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
  }
  if (failedVisibilitySeconds === undefined) return;
  for (const chunk of chunks(failed, 10)) {
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: queueUrl,
        Entries: chunk.map((m, i) => ({
          Id: String(i),
          ReceiptHandle: m.ReceiptHandle!,
          VisibilityTimeout: failedVisibilitySeconds,
        })),
      }),
    );
  }
}

/** True when none of the queues holds a message: visible, in flight or delayed. */
export async function queuesEmpty(sqs: SQSClient, queueUrls: readonly string[]): Promise<boolean> {
  const counts = await Promise.all(
    queueUrls.map(async (queueUrl) => {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: [
            'ApproximateNumberOfMessages',
            'ApproximateNumberOfMessagesNotVisible',
            'ApproximateNumberOfMessagesDelayed',
          ],
        }),
      );
      return (
        Number(Attributes.ApproximateNumberOfMessages ?? 0) +
        Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) +
        Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0)
      );
    }),
  );
  return counts.every((count) => count === 0);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
