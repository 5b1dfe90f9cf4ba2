// Part 2 of the reliability suite: hostile message texts (test/builders/hostile.ts: wrong
// types, missing and extra fields, oversize bodies and strings, deep nesting, __proto__ and
// constructor keys, control characters, look-alike scripts, numbers past 2^53, impossible
// dates, thousands of items, non-JSON) sent through the real ingest path: the inbound queue
// of the institution the text claims to come from, or of a random one. Each must come back to
// that queue's owner as a rejection naming a problem the contract finds, its raw text kept in
// quarantine; no handler may fail or time out, and no table but quarantine may change.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossier, PERSON_ID } from '../../generators/case.ts';
import { hostileInput } from '../builders/hostile.ts';
import { recordFigures } from './support/figures.ts';
import { LogCapture } from './support/log-capture.ts';
import { hostileRun } from './support/hostile-run.ts';
import { Random } from './support/random.ts';
import { ReliabilityService } from './support/service.ts';
import { reliabilitySettings, scaled } from './support/settings.ts';

const settings = reliabilitySettings();
const random = new Random(settings.seed).fork('hostile');

let capture: LogCapture;
let service: ReliabilityService | undefined;

beforeAll(async () => {
  capture = new LogCapture({ personIds: [PERSON_ID], names: [dossier().body.prisoner.name] });
  capture.start();
  service = await ReliabilityService.start({ logLevel: settings.logLevel });
});

afterAll(async () => {
  capture?.stop();
  await service?.stop();
});

describe('hostile input through the ingest path', () => {
  it(
    'is rejected to its queue owner with named problems and quarantined, with no crash, hang or state change',
    async () => {
      const started = Date.now();
      const inputs = fc.sample(hostileInput, { numRuns: scaled(2500), seed: random.int(0, 2 ** 31 - 1) });
      const run = await hostileRun(service!, inputs, random, scaled(600_000));
      capture.stop();
      const { sends, refused, answered, unanswered, unnamed, otherMessages, problems } = run;
      const kinds = new Map<string, number>();
      for (const input of inputs) kinds.set(input.kind, (kinds.get(input.kind) ?? 0) + 1);
      const seconds = (Date.now() - started) / 1000;
      recordFigures(
        'hostile-input',
        { fuzzInputs: sends.length, crashes: run.crashes },
        [
          `seed ${settings.seed}: ${inputs.length} hostile texts (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}) in ${seconds.toFixed(0)} s`,
          `${refused.length} refused by SQS itself (${[...new Set(refused.map((r) => JSON.stringify(r.text)))].join(', ')}); ${answered} answered with a rejection to the queue owner and quarantined; ${unanswered} unanswered, ${unnamed} without a named problem, ${otherMessages} other messages sent`,
          `${run.hostileInvocations.length} invocations, ${run.failedRecords} failed records, ${run.invocationErrors.length} failed invocations, slowest ${run.slowest} ms; ${run.deadLetters.length} dead letters; tables changed: ${run.changed.length === 0 ? 'none' : run.changed.join('; ')}`,
          `logs at ${settings.logLevel}: ${capture.describe()}`,
          ...problems.slice(0, 10).map((p) => `PROBLEM ${p}`),
        ],
        seconds,
      );

      expect(kinds.size, 'every kind of hostility was generated').toBe(14);
      expect(problems).toEqual([]);
      expect(unanswered).toBe(0);
      expect(answered).toBe(sends.length);
      expect(
        refused.every((r) => r.text === ''),
        'SQS refuses only empty bodies',
      ).toBe(true);
      expect(run.invocationErrors.map((i) => i.error)).toEqual([]);
      expect(run.failedRecords).toBe(0);
      expect(run.deadLetters).toEqual([]);
      expect(run.changed).toEqual([]);
      expect(capture.leaks).toEqual([]);
    },
    scaled(600_000),
  );
});
