// One batch the way the Lambda SQS event source gathers it: a long poll for the first
// messages, then (standard queues) more receives until the batch is full or the batching
// window has passed.
import { ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';

export interface BatchSettings {
  readonly queueUrl: string;
  readonly batchSize: number;
  readonly batchingWindowSeconds: number;
  readonly fifo: boolean;
  /** Long-poll wait for the first message, 0-20 s. */
  readonly waitTimeSeconds: number;
}

const SQS_MAX_RECEIVE = 10;

export async function receiveBatch(sqs: SQSClient, settings: BatchSettings, signal: AbortSignal): Promise<Message[]> {
  const receive = async (max: number, waitSeconds: number) => {
    const response = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: settings.queueUrl,
        MaxNumberOfMessages: Math.min(SQS_MAX_RECEIVE, max),
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: signal },
    );
    return response.Messages ?? [];
  };

  const batch = await receive(settings.batchSize, settings.waitTimeSeconds);
  if (batch.length === 0 || settings.fifo || settings.batchingWindowSeconds <= 0) return batch;
  const windowEnds = Date.now() + settings.batchingWindowSeconds * 1000;
  while (batch.length < settings.batchSize && !signal.aborted) {
    const remainingMs = windowEnds - Date.now();
    if (remainingMs <= 0) break;
    // WaitTimeSeconds is whole seconds: long-poll the whole seconds left, then short-poll
    // the last fraction, so the window is neither overrun nor cut short.
    const waitSeconds = Math.min(20, Math.floor(remainingMs / 1000));
    const more = await receive(settings.batchSize - batch.length, waitSeconds);
    batch.push(...more);
    if (more.length === 0 && waitSeconds === 0) await pause(Math.min(100, remainingMs), signal);
  }
  return batch;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
