// The hearing court's side: reads its outbound queue continuously, as its system would,
// and notes when each flag arrived, so the bench can tell when an application's flag first
// rested on a given dossier or status version.
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { FulfilmentFlag } from '../../shared/contract/fulfilment-flag.ts';

export interface ArrivedFlag {
  readonly atMs: number;
  readonly flag: FulfilmentFlag;
}

export class FlagWatch {
  private readonly byApplication = new Map<string, ArrivedFlag[]>();
  private readonly abort = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private readonly deletes = new Set<Promise<unknown>>();
  private waiters: (() => void)[] = [];
  private readonly sqs: SQSClient;
  private readonly queueUrl: string;
  count = 0;

  constructor(sqs: SQSClient, queueUrl: string, pollers = 2) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    for (let i = 0; i < pollers; i += 1) this.loops.push(this.poll());
  }

  private async poll(): Promise<void> {
    while (!this.abort.signal.aborted) {
      let messages: Message[];
      try {
        ({ Messages: messages = [] } = await this.sqs.send(
          new ReceiveMessageCommand({ QueueUrl: this.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }),
          { abortSignal: this.abort.signal },
        ));
      } catch (error) {
        if (this.abort.signal.aborted) return;
        throw error;
      }
      if (messages.length === 0) continue;
      const atMs = performance.now();
      for (const m of messages) {
        const envelope = JSON.parse(m.Body ?? 'null') as { schema?: string; body?: FulfilmentFlag };
        if (envelope.schema !== 'linkage.fulfilment-flag.v1' || !envelope.body) continue;
        const flag = envelope.body;
        const list = this.byApplication.get(flag.applicationId) ?? [];
        list.push({ atMs, flag });
        this.byApplication.set(flag.applicationId, list);
        this.count += 1;
      }
      // Deleting off the receive path keeps arrival times honest.
      const deletion = this.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
      this.deletes.add(deletion);
      void deletion.finally(() => this.deletes.delete(deletion));
      for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** The first arrival of a flag for the application that satisfies `rests`, if any. */
  firstArrival(applicationId: string, rests: (flag: FulfilmentFlag) => boolean): number | undefined {
    return this.byApplication.get(applicationId)?.find((a) => rests(a.flag))?.atMs;
  }

  /** Resolves when `done()` holds, checking after each batch of flags; rejects after `timeoutMs`. */
  async until(done: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!done()) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`flags still missing after ${Math.round(timeoutMs / 1000)} s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled(this.loops);
    await Promise.allSettled([...this.deletes]);
  }
}
