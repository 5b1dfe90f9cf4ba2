// Sending as the institutions do: in batches of ten as fast as the queues take them (a
// prison's or a court's bulk export), or one message at a time at a steady rate.
import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface Outgoing {
  readonly queueUrl: string;
  readonly body: () => string;
}

/** Sends everything in SendMessageBatch calls of ten, `inFlight` calls at a time. */
export async function sendAsFastAsPossible(sqs: SQSClient, messages: readonly Outgoing[], inFlight = 4): Promise<void> {
  const byQueue = new Map<string, Outgoing[]>();
  for (const m of messages) {
    const list = byQueue.get(m.queueUrl);
    if (list) list.push(m);
    else byQueue.set(m.queueUrl, [m]);
  }
  // Round-robin over the queues, as several institutions sending at once would.
  const perQueue = [...byQueue.entries()].map(([queueUrl, list]) => {
    const out: { queueUrl: string; items: Outgoing[] }[] = [];
    for (let i = 0; i < list.length; i += 10) out.push({ queueUrl, items: list.slice(i, i + 10) });
    return out;
  });
  const batches: { queueUrl: string; items: Outgoing[] }[] = [];
  const longest = Math.max(0, ...perQueue.map((q) => q.length));
  for (let round = 0; round < longest; round += 1) {
    for (const queue of perQueue) if (round < queue.length) batches.push(queue[round]!);
  }
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const result = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: batch.queueUrl,
          Entries: batch.items.map((m, i) => ({ Id: String(i), MessageBody: m.body() })),
        }),
      );
      if ((result.Failed ?? []).length > 0)
        throw new Error(`SQS refused ${result.Failed!.length} messages: ${result.Failed![0]!.Code}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

/**
 * Sends one message at a time, `perSecond` of them a second on a fixed schedule (a late
 * send does not push the later ones back). Calls `sent(index, atMs)` just before each send.
 */
export async function sendAtRate(
  sqs: SQSClient,
  messages: readonly Outgoing[],
  perSecond: number,
  sent: (index: number, atMs: number) => void,
): Promise<void> {
  const start = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < messages.length; i += 1) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const message = messages[i]!;
    const body = message.body();
    sent(i, performance.now());
    pending.push(sqs.send(new SendMessageCommand({ QueueUrl: message.queueUrl, MessageBody: body })));
  }
  await Promise.all(pending);
}
