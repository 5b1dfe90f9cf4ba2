// Contract v1.1 invariants on random schema-valid cases (fast-check; the seed is printed on
// failure): remedies answer exactly the reasons that are not CLEAR, earliestClearOn is what the
// engine itself decides on the what-if facts, and nextChangeAt is exactly when time alone
// changes the flag.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInformational } from '../../../shared/contract/reason-codes.ts';
import { factsFromMessages, type CaseFacts } from '../../../shared/rules/facts.ts';
import { decideAt } from '../../../shared/rules/decide.ts';
import { evaluate } from '../../../shared/rules/evaluate.ts';
import { hypotheticalFacts } from '../../../shared/rules/hypothetical.ts';
import { decidedContent } from '../../../shared/rules/next-change.ts';
import { DEFAULT_POLICY } from '../../../shared/rules/policy.ts';
import { parseCaseFile } from '../../../shared/contract/case-file.ts';
import { addDays, epochMs, formatInstant, localDate, startOfDay } from '../../../shared/time/calendar.ts';
import { caseArbitrary } from '../../../generators/arbitraries.ts';

const RUNS = { numRuns: 300 };
const OFFSET = 480; // the generated dossiers are written in +08:00

function factsOf(c: { now: string; messages: unknown[] }): CaseFacts {
  const parsed = parseCaseFile(c);
  if (!parsed.ok) throw new Error(`generator produced an invalid case: ${JSON.stringify(parsed.problems)}`);
  const facts = factsFromMessages(parsed.value.messages);
  if (typeof facts === 'string') throw new Error(facts);
  return facts;
}

const at = (epoch: number) => formatInstant(epoch, OFFSET);
const dayStart = (date: string) => at(startOfDay(date, OFFSET));

/** The what-if facts evaluated on a day (today: at now; later days: at their start). */
function whatIfDecision(facts: CaseFacts, now: string, day: string): string {
  const when = day === localDate(epochMs(now), OFFSET) ? now : dayStart(day);
  return decideAt(hypotheticalFacts(facts, DEFAULT_POLICY, now, when), DEFAULT_POLICY, when).flag.decision;
}

describe('contract v1.1 invariants', () => {
  it('one remedy per reason that is not CLEAR, in order; none exactly when CLEAR; PAY is the outstanding amount', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { flag } = evaluate(factsOf(c), DEFAULT_POLICY, c.now);
        const answered = flag.reasons.filter((r) => !isInformational(r.code) && r.outcome !== 'CLEAR');
        expect(flag.remedies!.map((r) => r.code)).toEqual(answered.map((r) => r.code));
        expect(flag.remedies!.length === 0).toBe(flag.decision === 'CLEAR');
        for (const remedy of flag.remedies!) {
          if (remedy.action === 'PAY') expect(remedy.amountFen).toBe(flag.outstandingFen);
          expect(remedy.detail.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('earliestClearOn is the first day the what-if facts are CLEAR: today, the end of their cool-off, or null', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const facts = factsOf(c);
        const { flag } = evaluate(facts, DEFAULT_POLICY, c.now);
        const today = localDate(epochMs(c.now), OFFSET);
        const clearOn = flag.earliestClearOn ?? null;
        if (flag.ruling !== undefined) {
          expect(clearOn).toBeNull();
          return;
        }
        if (clearOn === null) {
          expect(whatIfDecision(facts, c.now, today)).not.toBe('CLEAR');
          return;
        }
        expect(clearOn >= today).toBe(true);
        expect(whatIfDecision(facts, c.now, clearOn)).toBe('CLEAR');
        if (clearOn > today) {
          // A later day is the end of the cool-off: the day before, the what-if facts still wait.
          expect(whatIfDecision(facts, c.now, today)).not.toBe('CLEAR');
          const dayBefore = addDays(clearOn, -1);
          const before = hypotheticalFacts(facts, DEFAULT_POLICY, c.now, dayStart(dayBefore));
          const flagBefore = decideAt(before, DEFAULT_POLICY, dayStart(dayBefore)).flag;
          expect(flagBefore.decision).not.toBe('CLEAR');
          expect(flagBefore.reasons.map((r) => r.code)).toContain('PP-COOLOFF-6M');
        }
      }),
      RUNS,
    );
  });

  it('the same facts give a different flag at nextChangeAt and the same one at any instant before it', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (c, share) => {
        const facts = factsOf(c);
        const { flag } = evaluate(facts, DEFAULT_POLICY, c.now);
        const here = decidedContent(flag);
        const contentAt = (epoch: number) => decidedContent(decideAt(facts, DEFAULT_POLICY, at(epoch)).flag);
        const nowMs = epochMs(c.now);
        if (!flag.nextChangeAt) {
          expect(flag.nextChangeAt).toBeNull();
          // Nothing changes with time alone: not in the next two years either.
          if (flag.ruling === undefined) expect(contentAt(nowMs + Math.floor(share * 730) * 86_400_000)).toBe(here);
          return;
        }
        const changeMs = epochMs(flag.nextChangeAt);
        expect(changeMs).toBeGreaterThan(nowMs);
        expect(contentAt(changeMs)).not.toBe(here);
        expect(contentAt(changeMs - 1_000)).toBe(here);
        const between = nowMs + Math.floor(((changeMs - nowMs) * share) / 1_000) * 1_000;
        expect(contentAt(Math.min(between, changeMs - 1_000))).toBe(here);
      }),
      RUNS,
    );
  });
});
