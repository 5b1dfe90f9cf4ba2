// The raw engine limit: the calls a pipeline phase made (same actions, same inputs, same
// tables and queues, in the order they started) sent again to fresh engines with no logic
// between them, by a fixed number of workers. Receives do not wait (WaitTimeSeconds 0);
// deletes use receipt handles from the replayed receives of the same queue. Left out: the
// runner's GetQueueAttributes (the bench's own "is it quiet" checks) and empty receives
// (pollers idling between batches).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as dynamodb from '@aws-sdk/client-dynamodb';
import * as sqs from '@aws-sdk/client-sqs';
import { destroyClients, localClients } from '../../local/clients.ts';
import { startEngines } from '../../local/engines.ts';
import { endpointsOf } from '../../local/environment.ts';
import { provision } from '../../local/provision.ts';
import { REGISTRY } from '../../local/registry.ts';
import type { CallRecord } from './call-log.ts';

export interface ReplayResult {
  readonly calls: number;
  readonly seconds: number;
  readonly workers: number;
  /** Deletes that found no receipt handle to use (their receive came back with less). */
  readonly deletesSkipped: number;
}

/** Calls the replay sends: everything but the runner's quiet checks and empty receives. */
export function replayable(records: readonly CallRecord[]): CallRecord[] {
  return records
    .filter((r) => r.action !== 'GetQueueAttributes' && !(r.action === 'ReceiveMessage' && !r.received))
    .sort((a, b) => a.startMs - b.startMs);
}

/**
 * How many calls the phase had in flight on average (Little's law: total call time ÷ elapsed
 * time), receives left out because their time is mostly long-poll waiting. At least 1.
 */
export function meanConcurrency(records: readonly CallRecord[], seconds: number): number {
  const busyMs = records
    .filter((r) => r.action !== 'ReceiveMessage' && r.action !== 'GetQueueAttributes')
    .reduce((sum, r) => sum + r.durationMs, 0);
  return Math.max(1, busyMs / (seconds * 1000));
}

type Sendable = { send(command: unknown): Promise<Record<string, unknown>> };
type CommandClass = new (input: unknown) => unknown;

export async function rawReplay(
  records: readonly CallRecord[],
  queueUrlBase: string,
  workers: number,
): Promise<ReplayResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'linkage-bench-raw-'));
  const engines = await startEngines({ dataDir });
  const endpoints = endpointsOf(engines);
  const clients = localClients(endpoints);
  try {
    await provision(clients, endpoints.stage, REGISTRY);
    const calls = replayable(records);
    const receipts = new Map<string, string[]>();
    let deletesSkipped = 0;
    const modules = { dynamodb, sqs } as unknown as Record<'dynamodb' | 'sqs', Record<string, CommandClass>>;
    const clientOf: Record<'dynamodb' | 'sqs', Sendable> = {
      dynamodb: clients.dynamodb as unknown as Sendable,
      sqs: clients.sqs as unknown as Sendable,
    };

    const replayOne = async (call: CallRecord) => {
      const Command = modules[call.service][`${call.action}Command`];
      if (!Command) throw new Error(`cannot replay ${call.service} ${call.action}`);
      let input: Record<string, unknown> = { ...call.input };
      const queueUrl =
        typeof input.QueueUrl === 'string' ? input.QueueUrl.replace(queueUrlBase, endpoints.queueUrlBase) : undefined;
      if (queueUrl) input.QueueUrl = queueUrl;
      if (call.action === 'ReceiveMessage') input.WaitTimeSeconds = 0;
      if (call.action === 'DeleteMessageBatch' || call.action === 'ChangeMessageVisibilityBatch') {
        const pool = receipts.get(queueUrl!) ?? [];
        const wanted = (input.Entries as unknown[]).length;
        const handles = pool.splice(0, wanted);
        if (handles.length === 0) {
          deletesSkipped += 1;
          return;
        }
        input = {
          ...input,
          Entries: handles.map((h, i) => ({
            ...(input.Entries as Record<string, unknown>[])[0],
            Id: String(i),
            ReceiptHandle: h,
          })),
        };
      }
      try {
        const output = await clientOf[call.service].send(new Command(input));
        if (call.action === 'ReceiveMessage') {
          const got = ((output.Messages as { ReceiptHandle?: string }[] | undefined) ?? []).map(
            (m) => m.ReceiptHandle!,
          );
          receipts.set(queueUrl!, [...(receipts.get(queueUrl!) ?? []), ...got]);
        }
      } catch {
        // No logic: a failed condition or a stale handle is an answer like any other.
      }
    };

    let next = 0;
    const startMs = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < calls.length) await replayOne(calls[next++]!);
      }),
    );
    const seconds = (performance.now() - startMs) / 1000;
    return { calls: calls.length, seconds, workers, deletesSkipped };
  } finally {
    destroyClients(clients);
    await engines.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
