// The soak (`npm run test:reliability -- --soak 30m`): mixed traffic with faults on the local
// service for a given time. Round after round, a fresh fault workload (dossiers, statuses,
// duplicates, re-sent content, clock skew, poison, then rulings) is sent while throttling,
// 5xx, lost replies, partial batch failures and kills are injected and the deadline sweeper
// runs on its timer. At the end the faults stop, the system settles and the fault run's
// invariants are checked on everything sent; the part reports throughput minute by minute
// and how the process's memory grew. Skipped unless RELIABILITY_SOAK_SECONDS is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceInstant } from '../../shared/pipeline/clock.ts';
import { REGISTRY } from '../../local/registry.ts';
import { FaultInjector, useInjector } from './faults/injector.ts';
import { recordFigures } from './support/figures.ts';
import { checkFaultRun } from './support/invariants.ts';
import { Random } from './support/random.ts';
import { ReliabilityService } from './support/service.ts';
import { reliabilitySettings, scaled } from './support/settings.ts';
import { buildFaultWorkload, POISON_MARKER, type FaultWorkload } from './support/workload.ts';

const settings = reliabilitySettings();
const random = new Random(settings.seed).fork('soak');
/** Applications per round: small rounds keep traffic mixed (new cases, updates, rulings) all along. */
const ROUND_CASES = 40;
const SAMPLE_MS = 60_000;

let injector: FaultInjector;
let service: ReliabilityService | undefined;

beforeAll(async () => {
  if (settings.soakSeconds === 0) return;
  injector = new FaultInjector({
    seed: random.fork('faults').int(0, 2 ** 31),
    requestFaultRate: settings.faultRate,
    replyLostShare: 0.3,
    outageShare: 0.4,
    killRate: settings.killRate,
    batchEntryFailureRate: 0.3,
    cleanFromReceive: 3,
    poisonMarker: POISON_MARKER,
  });
  useInjector(injector);
  service = await ReliabilityService.start({ logLevel: 'SILENT', sweepIntervalMs: 30_000 });
});

afterAll(async () => {
  useInjector(undefined);
  await service?.stop();
});

interface Sample {
  readonly atMs: number;
  readonly records: number;
  readonly rssMb: number;
  readonly heapMb: number;
}

describe.skipIf(settings.soakSeconds === 0)('soak', () => {
  it(
    'keeps every invariant under mixed traffic with faults for the whole time, at a steady rate and memory',
    async () => {
      const svc = service!;
      const started = Date.now();
      const endAt = started + settings.soakSeconds * 1000;
      const handled = () => svc.invocations.reduce((sum, i) => sum + i.records - i.failed, 0);
      const samples: Sample[] = [];
      const sample = () => {
        const memory = process.memoryUsage();
        samples.push({
          atMs: Date.now() - started,
          records: handled(),
          rssMb: memory.rss / 2 ** 20,
          heapMb: memory.heapUsed / 2 ** 20,
        });
      };
      sample();
      const sampler = setInterval(sample, SAMPLE_MS);
      const rounds: FaultWorkload[] = [];
      try {
        while (Date.now() < endAt) {
          const round = buildFaultWorkload(
            scaled(ROUND_CASES),
            1,
            random.fork(`round-${rounds.length}`),
            serviceInstant(Date.now()).slice(0, 10),
            Date.now(),
            rounds.length * 10_000,
          );
          rounds.push(round);
          await svc.sendAll(round.sends);
          await svc.settle(600_000);
          await svc.sendAll(round.rulingSends);
          await svc.settle(600_000);
        }
      } finally {
        clearInterval(sampler);
      }
      sample();
      injector.enabled = false;
      await svc.current.runner.sweep();
      await svc.settle(300_000);

      const workload: FaultWorkload = {
        cases: rounds.flatMap((r) => r.cases),
        sends: rounds.flatMap((r) => r.sends),
        rulingSends: rounds.flatMap((r) => r.rulingSends),
        skewed: rounds.reduce((sum, r) => sum + r.skewed, 0),
        poison: rounds.flatMap((r) => r.poison),
        personIds: rounds.flatMap((r) => r.personIds),
        names: rounds.flatMap((r) => r.names),
      };
      const report = checkFaultRun(
        workload,
        { ...(await svc.finalState()), now: serviceInstant(Date.now()) },
        REGISTRY,
      );
      const seconds = (Date.now() - started) / 1000;
      const c = injector.counts;
      const messages = workload.sends.length + workload.rulingSends.length;
      const rates = samples.slice(1).map((s, i) => {
        const before = samples[i]!;
        return `${(s.atMs / 60_000).toFixed(1)} min ${((s.records - before.records) / ((s.atMs - before.atMs) / 1000)).toFixed(1)}/s`;
      });
      const first = samples[0]!;
      const last = samples.at(-1)!;
      const minutes = (last.atMs - first.atMs) / 60_000;
      recordFigures(
        'soak',
        {
          faultsReachedHandlers: injector.reachedHandlers,
          faultsAbsorbed: c.absorbed,
          messages,
          lost: report.lost,
          engineMismatches: report.engineMismatches,
        },
        [
          `seed ${settings.seed}: ${settings.soakSeconds} s of traffic, ${rounds.length} rounds of ${scaled(ROUND_CASES)} applications, ${messages} messages (${workload.poison.length} poison, ${workload.skewed} skewed), ${seconds.toFixed(0)} s in all`,
          `faults that reached handler code ${injector.reachedHandlers} (${c.surfaced} past the SDK's retries, ${c.failedBatchEntries} failed batch entries, ${c.killsAfterWrite + c.killsAfterSend} kills), absorbed by SDK retries ${c.absorbed} (replies lost ${c.repliesLost})`,
          `throughput (records handled per second, per minute): ${rates.join(', ') || 'under a minute: no sample'}`,
          `memory: rss ${first.rssMb.toFixed(0)} → ${last.rssMb.toFixed(0)} MB, heap used ${first.heapMb.toFixed(0)} → ${last.heapMb.toFixed(0)} MB over ${minutes.toFixed(1)} min (${((last.heapMb - first.heapMb) / Math.max(minutes, 1 / 60)).toFixed(1)} MB/min heap)`,
          `received: ${report.flagsReceived} flags, ${report.requestsReceived} verification requests; lost ${report.lost}, pipeline vs engine mismatches ${report.engineMismatches}`,
          ...[...report.violations].map(([name, d]) => `VIOLATED ${name} (${d.length}): ${d.slice(0, 5).join(' | ')}`),
        ],
        seconds,
      );

      expect(rounds.length, 'more than one round of traffic').toBeGreaterThan(1);
      expect(Object.fromEntries(report.violations)).toEqual({});
      expect(report.lost).toBe(0);
      expect(report.engineMismatches).toBe(0);
    },
    48 * 3600_000,
  );
});
