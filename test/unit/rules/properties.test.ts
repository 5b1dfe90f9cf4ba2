// Invariants that hold for every schema-valid case (fast-check; the seed is printed on failure).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fulfilmentFlagBody } from '../../../shared/contract/fulfilment-flag.ts';
import type { EnforcementStatusMessage } from '../../../shared/contract/messages.ts';
import { isInformational, REASONS, severity, type Decision } from '../../../shared/contract/reason-codes.ts';
import { evaluateCaseValue } from '../../../shared/rules/evaluate-case.ts';
import type { Evaluation } from '../../../shared/rules/evaluate.ts';
import { caseArbitrary } from '../../../generators/arbitraries.ts';

const RUNS = { numRuns: 400 };

function evaluateOk(c: { now: string; messages: unknown[] }): Evaluation {
  const result = evaluateCaseValue(c);
  if (!result.ok) throw new Error(`generator produced an invalid case: ${JSON.stringify(result.problems)}`);
  return result.value;
}

const isStatus = (m: unknown): m is EnforcementStatusMessage =>
  (m as { schema?: string }).schema === 'linkage.enforcement-status.v1';

describe('engine invariants', () => {
  it('any schema-valid case evaluates to a schema-valid flag', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { flag } = evaluateOk(c);
        expect(fulfilmentFlagBody.safeParse(flag).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('the order of messages never changes the result', () => {
    fc.assert(
      fc.property(
        caseArbitrary.chain((c) =>
          fc.shuffledSubarray(c.messages, { minLength: c.messages.length }).map((shuffled) => [c, shuffled] as const),
        ),
        ([c, shuffled]) => {
          expect(evaluateOk({ ...c, messages: shuffled })).toEqual(evaluateOk(c));
        },
      ),
      RUNS,
    );
  });

  it('RELATIVE and SELF payers give the same result (Art 2(3))', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const swapped = c.messages.map((m) => {
          if (!isStatus(m)) return m;
          const payments = m.body.payments.map((p) => ({
            ...p,
            payer: p.payer === 'SELF' ? 'RELATIVE' : p.payer === 'RELATIVE' ? 'SELF' : p.payer,
          }));
          return { ...m, body: { ...m.body, payments } };
        });
        expect(evaluateOk({ ...c, messages: swapped })).toEqual(evaluateOk(c));
      }),
      RUNS,
    );
  });

  it('re-sending a status with the same content and a higher version changes only the versions it rests on', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.nat(), (c, pick) => {
        const statuses = c.messages.filter(isStatus);
        fc.pre(statuses.length > 0);
        const chosen = statuses[pick % statuses.length]!;
        const resent = {
          ...chosen,
          messageId: `${chosen.messageId}-again`,
          body: { ...chosen.body, version: chosen.body.version + 100 },
        };
        const before = evaluateOk(c).flag;
        const after = evaluateOk({ ...c, messages: [...c.messages, resent] }).flag;
        const withoutVersions = (f: typeof before) => ({
          ...f,
          inputs: undefined,
          items: f.items.map((i) => ({ ...i, version: undefined })),
        });
        expect(withoutVersions(after)).toEqual(withoutVersions(before));
        const key = `${chosen.body.judgmentId}#${chosen.body.itemNo}`;
        expect(after.inputs.statuses[key]).toBe(resent.body.version);
      }),
      RUNS,
    );
  });

  it('the decision is the most severe outcome of its reasons', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { flag } = evaluateOk(c);
        const outcomes = flag.reasons.filter((r) => !isInformational(r.code)).map((r) => r.outcome as Decision);
        const most = outcomes.reduce<Decision>((a, b) => (severity(b) > severity(a) ? b : a), 'CLEAR');
        expect(flag.decision).toBe(most);
        // Reasons are ordered most severe first.
        const ranks = flag.reasons.map((r) => (isInformational(r.code) ? -1 : severity(r.outcome as Decision)));
        expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
        // An outcome differs from the code's own only by the major-merit downgrade.
        for (const r of flag.reasons) {
          if (r.outcome !== REASONS[r.code].outcome) expect(codesOf(flag)).toContain('PP-MAJOR-MERIT');
        }
      }),
      RUNS,
    );
  });

  it('amounts and materials agree with the items', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { flag } = evaluateOk(c);
        const unsatisfied = flag.items.filter((i) => i.state === 'UNSATISFIED');
        expect(flag.outstandingFen).toBe(unsatisfied.reduce((s, i) => s + i.outstandingFen, 0));
        expect(flag.ability === 'NOT_APPLICABLE').toBe(unsatisfied.length === 0);
        const materialsReason = codesOf(flag).some((code) => code === 'PP-MAT-PENDING' || code === 'PP-MAT-MISSING');
        expect(materialsReason).toBe(flag.missingMaterials.length > 0 && flag.ruling?.outcome !== 'GRANTED');
        for (const item of flag.items) {
          if (item.state === 'SATISFIED') expect(item.outstandingFen).toBe(0);
          if (item.state === 'UNKNOWN') expect(item.version).toBeNull();
        }
      }),
      RUNS,
    );
  });
});

function codesOf(flag: { reasons: { code: string }[] }): string[] {
  return flag.reasons.map((r) => r.code);
}
