// Part 2 of the reliability suite: hostile message texts (test/builders/hostile.ts: wrong
// types, missing and extra fields, oversize bodies and strings, deep nesting, __proto__ and
// constructor keys, control characters, look-alike scripts, numbers past 2^53, impossible
// dates, thousands of items, non-JSON) sent through the real ingest path: the inbound queue
// of the institution the text claims to come from, or of a random one. Each must come back to
// that queue's owner as a rejection naming a problem the contract finds, its raw text kept in
// quarantine; no handler may fail or time out, and no table but quarantine may change.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundMessage } from '../../shared/contract/messages.ts';
import { parseMessageText } from '../../shared/contract/problems.ts';
import { isSender } from '../../shared/resources/registry.ts';
import { REGISTRY } from '../../local/registry.ts';
import { dossier, PERSON_ID, status } from '../builders/case.ts';
import { hostileInput } from '../builders/hostile.ts';
import { recordFigures } from './support/figures.ts';
import { LogCapture } from './support/log-capture.ts';
import { quarantinedText, quarantineItems } from './support/quarantine.ts';
import { Random } from './support/random.ts';
import { ReliabilityService } from './support/service.ts';
import { reliabilitySettings, scaled } from './support/settings.ts';
import { differences, snapshot } from './support/snapshot.ts';

const settings = reliabilitySettings();
const random = new Random(settings.seed).fork('hostile');
const SENDERS = REGISTRY.institutions.filter(isSender).map((inst) => inst.id);
const UNCHANGED = ['cases', 'decisions', 'access', 'idempotency'] as const;

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

/** The claimed sender's queue when it is a registered sender (the realistic case), else any. */
function ownerOf(text: string): string {
  try {
    const id = (JSON.parse(text) as { sender?: { id?: unknown } } | null)?.sender?.id;
    if (typeof id === 'string' && SENDERS.includes(id)) return id;
  } catch {
    // Not JSON: it can arrive on anyone's queue.
  }
  return random.pick(SENDERS);
}

describe('hostile input through the ingest path', () => {
  it(
    'is rejected to its queue owner with named problems and quarantined, with no crash, hang or state change',
    async () => {
      const started = Date.now();
      const svc = service!;
      // The texts are variants of these two messages: with them stored, a variant that got
      // through would change what is there, not only add to it.
      await svc.seedBaseline(JSON.stringify(dossier()), JSON.stringify(status()));
      const before = await snapshot(svc, UNCHANGED);
      const invocationsBefore = svc.invocations.length;

      const inputs = fc.sample(hostileInput, { numRuns: scaled(2500), seed: random.int(0, 2 ** 31 - 1) });
      const all = inputs.map((input) => ({ ...input, institutionId: ownerOf(input.text) }));
      // SQS itself refuses some texts (an empty body): they never reach the service.
      const refused = await svc.sendAll(all);
      const sends = all.filter((s) => !refused.includes(s));
      await svc.settle(scaled(600_000));

      const after = await snapshot(svc, UNCHANGED);
      const quarantine = quarantineItems(await svc.scan('quarantine'));
      const expected = new Map<string, number>(); // owner + text → sends
      for (const s of sends)
        expected.set(`${s.institutionId}\u0000${s.text}`, (expected.get(`${s.institutionId}\u0000${s.text}`) ?? 0) + 1);
      const problems: string[] = [];
      let answered = 0;
      let unnamed = 0;
      let otherMessages = 0;
      const pure = new Map<string, Set<string>>();
      for (const id of REGISTRY.institutions.map((i) => i.id)) {
        for (const { message } of await svc.drain(id)) {
          if (message.schema !== 'linkage.rejection.v1') {
            otherMessages += 1;
            problems.push(`${id} was sent a ${message.schema}`);
            continue;
          }
          const text = quarantinedText(quarantine, message.body.quarantineRef);
          const key = `${id}\u0000${text}`;
          const left = text === undefined ? 0 : (expected.get(key) ?? 0);
          if (left === 0) {
            problems.push(`${id} got a rejection matching no hostile text sent to it (${message.body.quarantineRef})`);
            continue;
          }
          expected.set(key, left - 1);
          answered += 1;
          if (!pure.has(text!)) {
            const parsed = parseMessageText(inboundMessage, text!);
            pure.set(text!, new Set(parsed.ok ? [] : parsed.problems.map((p) => p.path)));
          }
          const named =
            message.body.errors.length > 0 &&
            message.body.errors.every((e) => e.message.length > 0) &&
            message.body.errors.some((e) => pure.get(text!)!.has(e.path) || e.path.startsWith('sender.'));
          if (!named) {
            unnamed += 1;
            problems.push(
              `rejection ${message.body.quarantineRef} names ${message.body.errors.map((e) => e.path || '(document)').join(', ')}; the contract finds ${[...pure.get(text!)!].join(', ')}`,
            );
          }
        }
      }
      const unanswered = [...expected.values()].reduce((sum, n) => sum + n, 0);
      const hostileInvocations = svc.invocations.slice(invocationsBefore);
      const failedRecords = hostileInvocations.reduce((sum, i) => sum + i.failed, 0);
      const invocationErrors = hostileInvocations.filter((i) => i.error !== undefined);
      const slowest = Math.max(0, ...hostileInvocations.map((i) => i.durationMs));
      const deadLetters = await svc.deadLetters();
      const changed = differences(before, after);
      capture.stop();

      const crashes =
        unanswered +
        unnamed +
        otherMessages +
        failedRecords +
        invocationErrors.length +
        deadLetters.length +
        changed.length;
      const kinds = new Map<string, number>();
      for (const input of inputs) kinds.set(input.kind, (kinds.get(input.kind) ?? 0) + 1);
      const seconds = (Date.now() - started) / 1000;
      recordFigures(
        'hostile-input',
        { fuzzInputs: sends.length, crashes },
        [
          `seed ${settings.seed}: ${inputs.length} hostile texts (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}) in ${seconds.toFixed(0)} s`,
          `${refused.length} refused by SQS itself (${[...new Set(refused.map((r) => JSON.stringify(r.text)))].join(', ')}); ${answered} answered with a rejection to the queue owner and quarantined; ${unanswered} unanswered, ${unnamed} without a named problem, ${otherMessages} other messages sent`,
          `${hostileInvocations.length} invocations, ${failedRecords} failed records, ${invocationErrors.length} failed invocations, slowest ${slowest} ms; ${deadLetters.length} dead letters; tables changed: ${changed.length === 0 ? 'none' : changed.join('; ')}`,
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
      expect(invocationErrors.map((i) => i.error)).toEqual([]);
      expect(failedRecords).toBe(0);
      expect(deadLetters).toEqual([]);
      expect(changed).toEqual([]);
      expect(capture.leaks).toEqual([]);
    },
    scaled(600_000),
  );
});
