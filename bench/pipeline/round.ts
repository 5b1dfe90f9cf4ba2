// One pipeline round: the whole service on embedded engines in a fresh temporary folder,
// the functions run by the local runner, and three measured phases, each ending when every
// expected flag has reached the hearing court and the service is quiet:
//   dossiers   M dossiers as fast as the prisons can send them;
//   statuses   status updates as fast as the courts can send them;
//   paced      more status updates, one at a time at 80% of the statuses' throughput, each
//              timed from its SendMessage to the first flag resting on its version.
/** The freshness phase's rate, as a share of the measured maximum: near load, not idle. */
export const PACED_SHARE_OF_MAX = 0.8;
// Every SDK call is logged per phase (bench/pipeline/call-log.ts) for the raw replay and the cost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { FulfilmentFlag } from '../../shared/contract/fulfilment-flag.ts';
import { serviceInstant } from '../../shared/pipeline/clock.ts';
import { LOCAL_CREDENTIALS } from '../../local/environment.ts';
import type { Invocation } from '../../local/runner.ts';
import { startLocalService, type LocalService } from '../../local/service.ts';
import { CallLog, logCalls } from './call-log.ts';
import { ENGINE_UNITS_PLUGIN, takeEngineUnits, type EngineUnits } from './engine-capacity.ts';
import { FlagWatch } from './flag-watch.ts';
import { countFunctionLogs, emptyLogVolume, type LogVolume } from './log-volume.ts';
import { sendAsFastAsPossible, sendAtRate, type Outgoing } from './traffic.ts';
import { HEARING_COURT, type Prisoner, type StatusUpdate, type Workload } from './workload.ts';
import { inboundQueueUrl, outboundQueueUrl } from '../../shared/queues/queue-urls.ts';

export type PhaseName = 'dossiers' | 'statuses' | 'paced';

export interface HandlerTime {
  invocations: number;
  records: number;
  ms: number;
}

export interface PhaseResult {
  readonly phase: PhaseName;
  readonly messages: number;
  /** From the first send until the last expected flag arrived and the last invocation ended. */
  readonly seconds: number;
  readonly perSecond: number;
  /** Paced phase: from each status's SendMessage to the first flag resting on its version. */
  readonly freshnessMs: readonly number[];
  /** The rate the paced phase was sent at. */
  readonly offeredPerSecond?: number;
  readonly log: CallLog;
  readonly engine: EngineUnits;
  readonly handlers: Readonly<Record<string, HandlerTime>>;
  /** What the functions logged (at the deployed level, metrics on). */
  readonly logs: LogVolume;
  readonly flagsReceived: number;
}

export interface RoundSettings {
  readonly workload: Workload;
  readonly warmup: Workload;
  /** Status updates of the workload sent as fast as possible; the rest are paced. */
  readonly fastStatuses: number;
  readonly ports: { readonly dynamodb: number; readonly sqs: number };
  /** Overrides the local runner's batching window of the inbound queues (seconds). */
  readonly batchingWindowSeconds?: number;
  readonly timeoutMs: number;
  readonly progress: (line: string) => void;
}

interface Measuring {
  readonly log: CallLog;
  readonly handlers: Record<string, HandlerTime>;
  readonly logs: LogVolume;
  lastInvocationEndMs: number;
}

let measuring: Measuring | undefined;

interface Expectation {
  readonly applicationId: string;
  readonly rests: (flag: FulfilmentFlag) => boolean;
}

const dossierExpectation = (p: Prisoner): Expectation => ({
  applicationId: p.applicationId,
  rests: (f) => f.inputs.dossierVersion >= 1,
});
const statusExpectation = (u: StatusUpdate): Expectation => ({
  applicationId: u.prisoner.applicationId,
  rests: (f) => (f.inputs.statuses[u.itemKey] ?? 0) >= u.version,
});

export async function pipelineRound(settings: RoundSettings): Promise<{ phases: PhaseResult[]; queueUrlBase: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'linkage-bench-'));
  let service: LocalService | undefined;
  let watch: FlagWatch | undefined;
  const clients: SQSClient[] = [];
  const stopCountingLogs = countFunctionLogs(() => measuring?.logs);
  try {
    service = await startLocalService({
      dataDir,
      dynamodbPort: settings.ports.dynamodb,
      sqsPort: settings.ports.sqs,
      threadPlugin: ENGINE_UNITS_PLUGIN,
      // As deployed: Powertools' default level and the metrics on, so their lines can be counted.
      logLevel: 'INFO',
      metrics: true,
      runner: {
        sweepIntervalMs: null,
        onInvocation: noteInvocation,
        ...(settings.batchingWindowSeconds === undefined
          ? {}
          : { batchingWindowSeconds: settings.batchingWindowSeconds }),
      },
    });
    const { endpoints } = service;
    // The handler modules are loaded now (their clients read the environment the service set).
    const runtime = await import('../../shared/pipeline/runtime.ts');
    const sink = () => measuring?.log;
    logCalls(runtime.dynamoClient, 'dynamodb', 'functions', sink);
    logCalls(runtime.sqsClient, 'sqs', 'functions', sink);
    logCalls(service.clients.sqs, 'sqs', 'pollers', sink);
    const client = () => {
      const sqs = new SQSClient({
        region: endpoints.region,
        credentials: LOCAL_CREDENTIALS,
        endpoint: endpoints.sqsEndpoint,
      });
      clients.push(sqs);
      return sqs;
    };
    const institutions = client();
    logCalls(institutions, 'sqs', 'institutions', sink);
    watch = new FlagWatch(client(), outboundQueueUrl(endpoints, HEARING_COURT));
    const inbound = (institutionId: string) => inboundQueueUrl(endpoints, institutionId);
    const dossiersOf = (w: Workload): Outgoing[] =>
      w.prisoners.map((p) => ({ queueUrl: inbound(p.prisonId), body: () => JSON.stringify(p.dossier) }));
    const statusesOf = (updates: readonly StatusUpdate[]): Outgoing[] =>
      updates.map((u) => ({
        queueUrl: inbound(u.prisoner.courtId),
        body: () => JSON.stringify(u.message(serviceInstant(Date.now()))),
      }));
    const running = { service, watch, timeoutMs: settings.timeoutMs };

    settings.progress(
      `warm-up: ${settings.warmup.prisoners.length} dossiers, ${settings.warmup.updates.length} statuses`,
    );
    await unmeasured(
      running,
      () => sendAsFastAsPossible(institutions, dossiersOf(settings.warmup)),
      settings.warmup.prisoners.map(dossierExpectation),
    );
    await unmeasured(
      running,
      () => sendAsFastAsPossible(institutions, statusesOf(settings.warmup.updates)),
      settings.warmup.updates.map(statusExpectation),
    );

    const { prisoners, updates } = settings.workload;
    settings.progress(`dossiers: ${prisoners.length} as fast as possible`);
    const dossiers = await measured(
      running,
      'dossiers',
      prisoners.length,
      () => sendAsFastAsPossible(institutions, dossiersOf(settings.workload)),
      prisoners.map(dossierExpectation),
    );

    const fast = updates.slice(0, settings.fastStatuses);
    settings.progress(`statuses: ${fast.length} as fast as possible`);
    const statuses = await measured(
      running,
      'statuses',
      fast.length,
      () => sendAsFastAsPossible(institutions, statusesOf(fast)),
      fast.map(statusExpectation),
    );

    const paced = updates.slice(settings.fastStatuses);
    const rate = statuses.perSecond * PACED_SHARE_OF_MAX;
    settings.progress(`paced: ${paced.length} statuses at ${rate.toFixed(1)}/s`);
    const sentAt: number[] = [];
    const pacedResult = await measured(
      running,
      'paced',
      paced.length,
      () => sendAtRate(institutions, statusesOf(paced), rate, (i, at) => (sentAt[i] = at)),
      paced.map(statusExpectation),
    );
    const freshnessMs = paced.map(
      (u, i) => watch!.firstArrival(u.prisoner.applicationId, statusExpectation(u).rests)! - sentAt[i]!,
    );
    return {
      phases: [dossiers, statuses, { ...pacedResult, freshnessMs, offeredPerSecond: rate }],
      queueUrlBase: endpoints.queueUrlBase,
    };
  } finally {
    measuring = undefined;
    stopCountingLogs();
    await watch?.stop();
    for (const sqs of clients) sqs.destroy();
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function noteInvocation(invocation: Invocation): void {
  if (!measuring || invocation.records === 0) return;
  measuring.lastInvocationEndMs = performance.now();
  const name = invocation.functionName.replace(/^linkage-[^-]+-/, '');
  const time = (measuring.handlers[name] ??= { invocations: 0, records: 0, ms: 0 });
  time.invocations += 1;
  time.records += invocation.records;
  time.ms += invocation.durationMs;
}

interface Running {
  readonly service: LocalService;
  readonly watch: FlagWatch;
  readonly timeoutMs: number;
}

async function settle(running: Running, expected: readonly Expectation[]): Promise<number> {
  let pending = [...expected];
  let lastArrivalMs = 0;
  await running.watch.until(() => {
    pending = pending.filter((e) => {
      const at = running.watch.firstArrival(e.applicationId, e.rests);
      if (at === undefined) return true;
      lastArrivalMs = Math.max(lastArrivalMs, at);
      return false;
    });
    return pending.length === 0;
  }, running.timeoutMs);
  await running.service.runner.waitUntilQuiet(running.timeoutMs);
  return lastArrivalMs;
}

async function unmeasured(
  running: Running,
  send: () => Promise<void>,
  expected: readonly Expectation[],
): Promise<void> {
  await send();
  await settle(running, expected);
}

async function measured(
  running: Running,
  phase: PhaseName,
  messages: number,
  send: () => Promise<void>,
  expected: readonly Expectation[],
): Promise<PhaseResult> {
  const current: Measuring = { log: new CallLog(), handlers: {}, logs: emptyLogVolume(), lastInvocationEndMs: 0 };
  const flagsBefore = running.watch.count;
  await takeEngineUnits(running.service); // what earlier phases left
  measuring = current;
  const startMs = performance.now();
  try {
    await send();
    const lastArrivalMs = await settle(running, expected);
    const seconds = (Math.max(lastArrivalMs, current.lastInvocationEndMs) - startMs) / 1000;
    const engine = await takeEngineUnits(running.service);
    if (current.logs.undeployedNamespace > 0)
      throw new Error(
        `${current.logs.undeployedNamespace} metrics documents without the deployed namespace: ` +
          'shared/powertools/metrics.ts was imported before the local service set its environment',
      );
    return {
      phase,
      messages,
      seconds,
      perSecond: messages / seconds,
      freshnessMs: [],
      log: current.log,
      engine,
      handlers: current.handlers,
      logs: current.logs,
      flagsReceived: running.watch.count - flagsBefore,
    };
  } finally {
    measuring = undefined;
  }
}
