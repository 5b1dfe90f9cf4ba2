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
import { redriveDeadLetters, selectQueues, showDeadLetters } from '../../shared/operations/dead-letters.ts';
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
    replyLostShare: 0.3,
    cleanFromReceive: 3,
    poisonMarker: POISON_MARKER,
  });
  // An outage of the dossier store for a few applications, longer than maxReceiveCount receives.
  injector.longOutage = {
    functionName: 'ingest-dossier',
    markers: random
      .fork('long-outage')
      .shuffle(workload.cases)
      .slice(0, scaled(3))
      .map((c) => `"${c.applicationId}"`),
  };
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
      // Quiet again once the long outage's messages have failed maxReceiveCount times: in the DLQs.
      await svc.settle(scaled(600_000));

      // The outage ends; the operator looks at the DLQs and redrives the prisons' messages.
      const outage = await recoverLongOutage(svc);

      // Deadlines come due for a tenth of the applications, swept while batch entries fail.
      const forced = await forceDeadlines(
        svc,
        random
          .fork('deadlines')
          .shuffle(workload.cases)
          .slice(0, Math.ceil(workload.cases.length / 10)),
      );
      for (let sweep = 0; sweep < 3; sweep += 1) await svc.current.runner.sweep();
      await svc.settle(scaled(600_000));

      // The hearing court rules, last (support/workload.ts says why), still under faults.
      await svc.sendAll(workload.rulingSends);
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
      const messages = workload.sends.length + workload.rulingSends.length;
      recordFigures(
        'faults',
        {
          faultsReachedHandlers: injector.reachedHandlers + svc.restarts,
          faultsAbsorbed: c.absorbed,
          messages,
          redriven: outage.redriven,
          lost: report.lost,
          engineMismatches: report.engineMismatches,
        },
        [
          `seed ${settings.seed}, scale ${settings.scale}: ${workload.cases.length} applications of ${workload.personIds.length} prisoners, ${messages} messages sent (${count(workload, 'duplicate')} duplicates, ${count(workload, 'new-id')} under a new messageId, ${workload.poison.length} poison, ${workload.rulingSends.length} rulings last, ${workload.skewed} with a skewed sentAt) in ${seconds.toFixed(0)} s`,
          `faults that reached handler code ${injector.reachedHandlers + svc.restarts}: ${c.surfaced} requests past the SDK's retries, ${c.failedBatchEntries} failed batch entries, kills ${c.killsAfterWrite} after a write and ${c.killsAfterSend} after a send, ${c.longOutageHits} writes refused by the long outage, ${svc.restarts} restarts; absorbed by SDK retries ${c.absorbed} (failed attempts: throttling ${c.throttling}, 5xx ${c.serverErrors}, replies lost after the write or send was applied ${c.repliesLost}); ${forced} deadlines forced`,
          `long outage of ${outage.applications} applications' dossiers: ${outage.deadLettered} messages dead-lettered, ${outage.withError} shown with their last error (${outage.errors}), ${outage.redriven} redriven (dry run said ${outage.dryRun}), a second redrive moved ${outage.second}`,
          `the runner saw ${failedRecords} failed records and ${failedInvocations} failed invocations over ${svc.invocations.length} (slowest: ${slowest(svc)}); poison refused ${c.poisonHits} times`,
          `received: ${report.flagsReceived} flags for ${report.applicationsWithFlags} applications, ${report.requestsReceived} verification requests; lost ${report.lost}, pipeline vs engine mismatches ${report.engineMismatches}`,
          `logs at ${settings.logLevel}: ${capture.describe()}`,
          ...[...report.violations].map(
            ([name, details]) => `VIOLATED ${name} (${details.length}): ${details.slice(0, 5).join(' | ')}`,
          ),
        ],
        seconds,
      );

      expect(injector.total, 'faults were injected').toBeGreaterThan(0);
      expect(c.repliesLost, 'replies were lost after writes and sends were applied').toBeGreaterThan(0);
      expect(outage.deadLettered, 'the long outage dead-lettered messages').toBeGreaterThan(0);
      expect(outage.withError, 'each is shown with its last error').toBe(outage.deadLettered);
      expect(outage.dryRun).toBe(outage.deadLettered);
      expect(outage.redriven).toBe(outage.deadLettered);
      expect(outage.second, 'a second redrive moves nothing').toBe(0);
      // A handful of invocations (a tiny --scale) may draw no kill; a default run has hundreds.
      if (c.faultableInvocations >= 100)
        expect(c.killsAfterWrite + c.killsAfterSend, 'invocations were killed').toBeGreaterThan(0);
      // Each poison message reached its bug; other faults may have failed some of its receives first.
      expect(c.poisonHits, 'poison reached the handler').toBeGreaterThanOrEqual(workload.poison.length);
      expect(Object.fromEntries(report.violations)).toEqual({});
      expect(report.lost).toBe(0);
      expect(report.engineMismatches).toBe(0);
      expect(capture.loggerLines, 'the capture saw the functions log').toBeGreaterThan(100);
      expect(capture.leaks).toEqual([]);
    },
    scaled(1_200_000),
  );
});

/**
 * Ends the long outage and does what the runbook says (docs/operations.md): look at the
 * prisons' inbound DLQs (the dossier store was out), see why each message failed, redrive
 * with --dry-run, then for real, then again (which must move nothing), and let it settle.
 */
async function recoverLongOutage(svc: ReliabilityService) {
  const access = svc.operatorAccess();
  const prisonQueues = REGISTRY.institutions
    .filter((i) => i.kind === 'PRISON')
    .flatMap((i) => selectQueues(access, i.id).filter((q) => q.role === 'inbound'));
  const applications = injector.longOutage?.markers.length ?? 0;
  injector.longOutage = undefined;
  const shown = (await Promise.all(prisonQueues.map((q) => showDeadLetters(access, q)))).flat();
  const errors = [...new Set(shown.map((d) => d.lastError?.errorName ?? 'none'))].join(', ');
  const dryRun = (await Promise.all(prisonQueues.map((q) => redriveDeadLetters(access, q, { dryRun: true })))).reduce(
    (sum, r) => sum + r.moved,
    0,
  );
  let redriven = 0;
  for (const q of prisonQueues) redriven += (await redriveDeadLetters(access, q)).moved;
  let second = 0;
  for (const q of prisonQueues) second += (await redriveDeadLetters(access, q)).moved;
  await svc.settle(scaled(300_000));
  return {
    applications,
    deadLettered: shown.length,
    withError: shown.filter((d) => d.lastError !== undefined).length,
    errors,
    dryRun,
    redriven,
    second,
  };
}

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
