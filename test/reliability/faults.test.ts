// Part 1 of the reliability suite: the real handlers on the embedded engines, a seeded
// workload with duplicates, re-sent content, shuffled versions and poison messages, faults
// injected into the handlers' SDK clients, a restart of engines and runner half-way, and
// deadlines that come due under partial batch failures. When the system is quiet, the
// invariants of support/invariants.ts must hold, and no log line may hold a prisoner's
// identity number or name (the functions log at DEBUG; every line is captured and scanned).
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceInstant } from '../../shared/pipeline/clock.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { applicationKey, deadlineShard } from '../../shared/storage/keys.ts';
import { REGISTRY } from '../../local/registry.ts';
import { FaultInjector, useInjector } from './faults/injector.ts';
import { recordFigures } from './support/figures.ts';
import { checkFaultRun } from './support/invariants.ts';
import { LogCapture } from './support/log-capture.ts';
import { Random } from './support/random.ts';
import { ReliabilityService } from './support/service.ts';
import { reliabilitySettings, scaled } from './support/settings.ts';
import { buildFaultWorkload, POISON_MARKER, type FaultWorkload } from './support/workload.ts';

const settings = reliabilitySettings();
const random = new Random(settings.seed).fork('faults');
/** A deadline long past: applications given it must be swept and re-evaluated. */
const FORCED_DEADLINE = '2000-01-01T00:00:00.000Z';

let workload: FaultWorkload;
let injector: FaultInjector;
let capture: LogCapture;
let service: ReliabilityService | undefined;

beforeAll(async () => {
  workload = buildFaultWorkload(
    scaled(250),
    scaled(4),
    random.fork('workload'),
    serviceInstant(Date.now()).slice(0, 10),
  );
  injector = new FaultInjector({
    seed: random.fork('faults').int(0, 2 ** 31),
    requestFaultRate: settings.faultRate,
    outageShare: 0.4,
    killRate: settings.killRate,
    batchEntryFailureRate: 0.3,
    cleanFromReceive: 3,
    poisonMarker: POISON_MARKER,
  });
  useInjector(injector);
  capture = new LogCapture({ personIds: workload.personIds, names: workload.names });
  capture.start();
  service = await ReliabilityService.start({ logLevel: settings.logLevel });
});

afterAll(async () => {
  capture?.stop();
  useInjector(undefined);
  await service?.stop();
});

describe('under faults', () => {
  it(
    'loses nothing, decides as the engine does, applies nothing twice, dead-letters only poison, and logs no identity',
    async () => {
      const started = Date.now();
      const svc = service!;
      const half = Math.floor(workload.sends.length / 2);
      await svc.sendAll(workload.sends.slice(0, half));
      // Restart while the first half is being worked on: queues hold messages, tables are half filled.
      await waitFor(() => svc.invocations.filter((i) => i.records > 0).length >= 20, 15_000);
      await svc.restart();
      await svc.sendAll(workload.sends.slice(half));

      // Deadlines come due for a tenth of the applications, swept while batch entries fail.
      await svc.settle(scaled(600_000));
      const forced = await forceDeadlines(
        svc,
        random
          .fork('deadlines')
          .shuffle(workload.cases)
          .slice(0, Math.ceil(workload.cases.length / 10)),
      );
      for (let sweep = 0; sweep < 3; sweep += 1) await svc.current.runner.sweep();
      await svc.settle(scaled(600_000));

      // The faults stop, as an outage ends; one more sweep catches anything still due.
      injector.enabled = false;
      await svc.current.runner.sweep();
      await svc.settle(120_000);

      const report = checkFaultRun(
        workload,
        {
          ...(await svc.finalState()),
          forcedDeadline: FORCED_DEADLINE,
          now: serviceInstant(Date.now()),
        },
        REGISTRY,
      );
      capture.stop();

      const c = injector.counts;
      const failedInvocations = svc.invocations.filter((i) => i.error !== undefined).length;
      const failedRecords = svc.invocations.reduce((sum, i) => sum + i.failed, 0);
      const seconds = (Date.now() - started) / 1000;
      recordFigures(
        'faults',
        {
          faults: injector.total + svc.restarts,
          messages: workload.sends.length,
          lost: report.lost,
          wrongFinalDecisions: report.wrongFinalDecisions,
        },
        [
          `seed ${settings.seed}, scale ${settings.scale}: ${workload.cases.length} applications of ${workload.personIds.length} prisoners, ${workload.sends.length} messages sent (${count(workload, 'duplicate')} duplicates, ${count(workload, 'new-id')} under a new messageId, ${workload.poison.length} poison) in ${seconds.toFixed(0)} s`,
          `faults ${injector.total + svc.restarts}: throttling ${c.throttling}, 5xx ${c.serverErrors} (${c.surfaced} outlasted the SDK's retries), failed batch entries ${c.failedBatchEntries}, kills after a write ${c.killsAfterWrite}, after a send ${c.killsAfterSend}, restarts ${svc.restarts}; ${forced} deadlines forced`,
          `the runner saw ${failedRecords} failed records and ${failedInvocations} failed invocations over ${svc.invocations.length} (slowest: ${slowest(svc)}); poison refused ${c.poisonHits} times`,
          `received: ${report.flagsReceived} flags for ${report.applicationsWithFlags} applications, ${report.requestsReceived} verification requests; lost ${report.lost}, wrong final decisions ${report.wrongFinalDecisions}`,
          `logs at ${settings.logLevel}: ${capture.describe()}`,
          ...[...report.violations].map(
            ([name, details]) => `VIOLATED ${name} (${details.length}): ${details.slice(0, 5).join(' | ')}`,
          ),
        ],
        seconds,
      );

      expect(injector.total, 'faults were injected').toBeGreaterThan(0);
      // A handful of invocations (a tiny --scale) may draw no kill; a default run has hundreds.
      if (c.faultableInvocations >= 100)
        expect(c.killsAfterWrite + c.killsAfterSend, 'invocations were killed').toBeGreaterThan(0);
      // Each poison message reached its bug; other faults may have failed some of its receives first.
      expect(c.poisonHits, 'poison reached the handler').toBeGreaterThanOrEqual(workload.poison.length);
      expect(Object.fromEntries(report.violations)).toEqual({});
      expect(report.lost).toBe(0);
      expect(report.wrongFinalDecisions).toBe(0);
      expect(capture.loggerLines, 'the capture saw the functions log').toBeGreaterThan(100);
      expect(capture.leaks).toEqual([]);
    },
    scaled(1_200_000),
  );
});

/** The longest invocation of each function: how far from its timeout the run came. */
function slowest(svc: ReliabilityService): string {
  const longest = new Map<string, number>();
  for (const i of svc.invocations)
    longest.set(i.functionName, Math.max(longest.get(i.functionName) ?? 0, i.durationMs));
  return [...longest].map(([name, ms]) => `${name.replace(/^linkage-[^-]+-/, '')} ${ms} ms`).join(', ');
}

function count(w: FaultWorkload, role: string): number {
  return w.sends.filter((s) => s.role === role).length;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Moves these applications' next check into the past, as if their deadlines had come. */
async function forceDeadlines(svc: ReliabilityService, cases: FaultWorkload['cases']): Promise<number> {
  let forced = 0;
  for (const record of cases) {
    try {
      await svc.db.send(
        new UpdateCommand({
          TableName: tableName(svc.stage, 'cases'),
          Key: applicationKey(record.personId, record.applicationId),
          UpdateExpression: 'SET nextCheckAt = :due, dueShard = :shard',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':due': FORCED_DEADLINE, ':shard': deadlineShard(record.applicationId) },
        }),
      );
      forced += 1;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return forced;
}
