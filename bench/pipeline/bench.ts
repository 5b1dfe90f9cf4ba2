// The pipeline beside its raw engine limit, in alternating rounds: a pipeline round (fresh
// engines, warm-up, dossiers, statuses, paced statuses), then the raw replay of that round's
// dossier and status calls on fresh engines, at the pipeline's own mean concurrency. Medians
// over rounds; freshness samples pooled over rounds; costs averaged over rounds.
import net from 'node:net';
import { LOCAL_FUNCTIONS } from '../../local/functions.ts';
import { messageCost, type MessageCost } from '../cost/message-cost.ts';
import { median, percentile } from '../measure.ts';
import { meanConcurrency, rawReplay } from './raw-replay.ts';
import { pipelineRound, type HandlerTime, type PhaseResult } from './round.ts';
import { buildWorkload } from './workload.ts';

export interface PipelineSettings {
  readonly dossiers: number;
  /** Status updates sent as fast as possible; as many again are paced. */
  readonly statuses: number;
  readonly warmup: number;
  readonly rounds: number;
  readonly seed: number;
  /** Overrides the local runner's batching window of the inbound queues (seconds); default: its own. */
  readonly batchingWindowSeconds?: number;
  readonly timeoutMs: number;
  readonly progress: (line: string) => void;
}

export interface Throughput {
  /** Messages per second, median over rounds. */
  readonly pipelinePerSecond: number;
  readonly rawPerSecond: number;
  /** pipeline ÷ raw. */
  readonly ratio: number;
  readonly rounds: readonly { pipeline: number; raw: number; workers: number }[];
}

export interface PipelineResult {
  readonly settings: Omit<PipelineSettings, 'progress'>;
  /** The batching window the inbound queues were read with (seconds). */
  readonly inboundBatchingWindowSeconds: number;
  readonly dossiers: Throughput;
  readonly statuses: Throughput;
  /** Dossiers and statuses together: all messages ÷ both phases' time. */
  readonly combined: Throughput;
  readonly freshness: {
    readonly offeredPerSecond: number;
    readonly samples: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly maxMs: number;
  };
  readonly cost: { readonly dossier: MessageCost; readonly status: MessageCost; readonly statusBurst: MessageCost };
  /** Handler time per record (in-process, sharing the CPU with the engines), by phase and function. */
  readonly handlerMsPerRecord: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Raw replay: calls per message, and deletes that had no handle to use. */
  readonly rawCallsPerMessage: { readonly dossiers: number; readonly statuses: number };
}

export async function benchPipeline(settings: PipelineSettings): Promise<PipelineResult> {
  const workload = buildWorkload(settings.dossiers, settings.statuses * 2, settings.seed);
  const warmup = buildWorkload(settings.warmup, settings.warmup, settings.seed + 1, 900_000);
  // Fixed ports for every round: the handler modules are loaded once and keep their clients.
  const ports = { dynamodb: await freePort(), sqs: await freePort() };
  const rounds: {
    dossiers: Pair;
    statuses: Pair;
    freshness: number[];
    offered: number;
    costs: MessageCost[];
    handlers: Record<string, Record<string, number>>;
    rawCalls: [number, number];
  }[] = [];

  for (let r = 0; r < settings.rounds; r += 1) {
    const progress = (line: string) => settings.progress(`pipeline round ${r + 1}/${settings.rounds}: ${line}`);
    const round = await pipelineRound({
      workload,
      warmup,
      fastStatuses: settings.statuses,
      ports,
      timeoutMs: settings.timeoutMs,
      progress,
      ...(settings.batchingWindowSeconds === undefined
        ? {}
        : { batchingWindowSeconds: settings.batchingWindowSeconds }),
    });
    const [dossiers, statuses, paced] = round.phases as [PhaseResult, PhaseResult, PhaseResult];
    const replay = async (phase: PhaseResult): Promise<Pair & { calls: number }> => {
      const workers = Math.ceil(meanConcurrency(phase.log.records, phase.seconds));
      progress(`raw replay of ${phase.phase} (${workers} workers)`);
      const raw = await rawReplay(phase.log.records, round.queueUrlBase, workers);
      return {
        pipelineSeconds: phase.seconds,
        rawSeconds: raw.seconds,
        messages: phase.messages,
        workers,
        calls: raw.calls,
      };
    };
    const d = await replay(dossiers);
    const s = await replay(statuses);
    rounds.push({
      dossiers: d,
      statuses: s,
      freshness: [...paced.freshnessMs],
      offered: paced.offeredPerSecond ?? 0,
      costs: [messageCost([dossiers]), messageCost([paced]), messageCost([statuses])],
      handlers: Object.fromEntries(round.phases.map((p) => [p.phase, perRecord(p.handlers)])),
      rawCalls: [d.calls / d.messages, s.calls / s.messages],
    });
    progress(
      `dossiers ${(d.messages / d.pipelineSeconds).toFixed(1)}/s (raw ${(d.messages / d.rawSeconds).toFixed(1)}/s), statuses ${(s.messages / s.pipelineSeconds).toFixed(1)}/s (raw ${(s.messages / s.rawSeconds).toFixed(1)}/s)`,
    );
  }

  const freshness = rounds.flatMap((r) => r.freshness);
  const { progress: _progress, ...recorded } = settings;
  return {
    settings: recorded,
    inboundBatchingWindowSeconds: settings.batchingWindowSeconds ?? localInboundWindow(),
    dossiers: throughput(rounds.map((r) => r.dossiers)),
    statuses: throughput(rounds.map((r) => r.statuses)),
    combined: throughput(
      rounds.map((r) => ({
        messages: r.dossiers.messages + r.statuses.messages,
        pipelineSeconds: r.dossiers.pipelineSeconds + r.statuses.pipelineSeconds,
        rawSeconds: r.dossiers.rawSeconds + r.statuses.rawSeconds,
        workers: Math.max(r.dossiers.workers, r.statuses.workers),
      })),
    ),
    freshness: {
      offeredPerSecond: median(rounds.map((r) => r.offered)),
      samples: freshness.length,
      p50Ms: percentile(freshness, 50),
      p99Ms: percentile(freshness, 99),
      maxMs: Math.max(...freshness),
    },
    cost: {
      dossier: meanCost(rounds.map((r) => r.costs[0]!)),
      status: meanCost(rounds.map((r) => r.costs[1]!)),
      statusBurst: meanCost(rounds.map((r) => r.costs[2]!)),
    },
    handlerMsPerRecord: rounds.at(-1)!.handlers,
    rawCallsPerMessage: {
      dossiers: median(rounds.map((r) => r.rawCalls[0])),
      statuses: median(rounds.map((r) => r.rawCalls[1])),
    },
  };
}

interface Pair {
  readonly messages: number;
  readonly pipelineSeconds: number;
  readonly rawSeconds: number;
  readonly workers: number;
}

function throughput(pairs: readonly Pair[]): Throughput {
  const rounds = pairs.map((p) => ({
    pipeline: p.messages / p.pipelineSeconds,
    raw: p.messages / p.rawSeconds,
    workers: p.workers,
  }));
  const pipelinePerSecond = median(rounds.map((r) => r.pipeline));
  const rawPerSecond = median(rounds.map((r) => r.raw));
  return { pipelinePerSecond, rawPerSecond, ratio: pipelinePerSecond / rawPerSecond, rounds };
}

function perRecord(handlers: Readonly<Record<string, HandlerTime>>): Record<string, number> {
  return Object.fromEntries(Object.entries(handlers).map(([name, t]) => [name, t.ms / t.records]));
}

/** Costs of the same messages in several rounds: the mean of each figure. */
function meanCost(costs: readonly MessageCost[]): MessageCost {
  if (costs.length === 1) return costs[0]!;
  const mean = (pick: (c: MessageCost) => number) => costs.reduce((sum, c) => sum + pick(c), 0) / costs.length;
  const meanRecord = (pick: (c: MessageCost) => Readonly<Record<string, number>>) => {
    const keys = new Set(costs.flatMap((c) => Object.keys(pick(c))));
    return Object.fromEntries([...keys].map((k) => [k, mean((c) => pick(c)[k] ?? 0)]));
  };
  return {
    messages: costs.reduce((sum, c) => sum + c.messages, 0),
    readUnits: mean((c) => c.readUnits),
    writeUnits: mean((c) => c.writeUnits),
    indexWriteUnits: mean((c) => c.indexWriteUnits),
    failedConditionWriteUnits: mean((c) => c.failedConditionWriteUnits),
    writeUnitsByTable: meanRecord((c) => c.writeUnitsByTable),
    writeUnitsByIndex: meanRecord((c) => c.writeUnitsByIndex),
    sqsStandardRequests: mean((c) => c.sqsStandardRequests),
    sqsFifoRequests: mean((c) => c.sqsFifoRequests),
    sqsRequestsByCaller: meanRecord((c) => c.sqsRequestsByCaller),
    calls: meanRecord((c) => c.calls),
    idleReceives: mean((c) => c.idleReceives),
    lambdaInvocations: mean((c) => c.lambdaInvocations),
    lambdaGbSeconds: mean((c) => c.lambdaGbSeconds),
    kmsRequestsNoReuse: mean((c) => c.kmsRequestsNoReuse),
    logEvents: mean((c) => c.logEvents),
    logBytes: mean((c) => c.logBytes),
    usdPerMillion: {
      dynamodbRead: mean((c) => c.usdPerMillion.dynamodbRead),
      dynamodbWrite: mean((c) => c.usdPerMillion.dynamodbWrite),
      sqs: mean((c) => c.usdPerMillion.sqs),
      total: mean((c) => c.usdPerMillion.total),
    },
  };
}

/** The local runner's own batching window for inbound queues. */
function localInboundWindow(): number {
  const trigger = LOCAL_FUNCTIONS.find((f) => f.name === 'ingest-status')?.trigger;
  return trigger?.kind === 'sqs' ? trigger.batchingWindowSeconds : Number.NaN;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
