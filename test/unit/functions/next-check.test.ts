// When an application must be re-evaluated with no message: the earliest clock in the rules
// that can still change its decision. Checked against the engine itself: one second before
// the instant the decision is still today's, at the instant it has changed.
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../shared/pipeline/evaluation/fingerprint.ts';
import { nextCheckAt } from '../../../shared/pipeline/evaluation/next-check.ts';
import { serviceInstant } from '../../../shared/pipeline/clock.ts';
import { evaluate } from '../../../shared/rules/evaluate.ts';
import type { CaseFacts } from '../../../shared/rules/facts.ts';
import { DEFAULT_POLICY } from '../../../shared/rules/policy.ts';
import { dossier, request, ruling, status } from '../../builders/case.ts';

const NOW = '2026-11-21T09:00:01+08:00';

function facts(parts: Partial<CaseFacts> = {}): CaseFacts {
  const d = dossier().body;
  return { dossier: d, firstSubmittedAt: d.submittedAt, statuses: [], rulings: [], requests: [], ...parts };
}

function received(message: ReturnType<typeof status>) {
  return { body: message.body, senderId: message.sender.id, sentAt: message.sentAt };
}

function codesAt(f: CaseFacts, epoch: number): string[] {
  return evaluate(f, DEFAULT_POLICY, serviceInstant(epoch)).flag.reasons.map((r) => r.code);
}

/** The next check, after asserting the decision holds until it and changes at it. */
function next(f: CaseFacts, now = NOW): string | undefined {
  const at = nextCheckAt(f, evaluate(f, DEFAULT_POLICY, now), DEFAULT_POLICY, Date.parse(now));
  if (at === undefined) return undefined;
  const decided = (epoch: number) => {
    const { flag } = evaluate(f, DEFAULT_POLICY, serviceInstant(epoch));
    return fingerprintOf(flag);
  };
  expect(decided(at - 1_000), 'the decision must not change before the next check').toBe(decided(Date.parse(now)));
  expect(decided(at), 'the decision must change at the next check').not.toBe(decided(Date.parse(now)));
  return new Date(at).toISOString();
}

describe('nextCheckAt', () => {
  it('is the first day after the seven days for Art 5 materials while some are missing', () => {
    const d = dossier({ thirdPartyAssetStatement: null, finances: null }).body;
    const f = facts({
      dossier: d,
      firstSubmittedAt: d.submittedAt,
      statuses: [received(status({ assetSearch: undefined }))],
    });
    // Submitted 2026-11-21 (+08:00): from 2026-11-28 on, the materials are late.
    expect(next(f)).toBe('2026-11-27T16:00:00.000Z');
    expect(codesAt(f, Date.parse('2026-11-27T16:00:00Z'))).toContain('PP-MAT-MISSING');
    // After it, the stale status is the next clock.
    expect(next(f, '2026-11-28T09:00:00+08:00')).toBe('2026-12-20T16:00:00.000Z');
  });

  it('is the day the newest status goes stale', () => {
    const f = facts({ statuses: [received(status())] });
    expect(next(f)).toBe('2026-12-20T16:00:00.000Z');
    expect(codesAt(f, Date.parse('2026-12-20T16:00:00Z'))).toContain('PP-STATUS-STALE');
  });

  it('is just after a verification request falls due', () => {
    const open = request({ dueBy: '2026-11-24T09:00:00+08:00' }).body;
    const f = facts({ requests: [open] });
    expect(next(f)).toBe('2026-11-24T01:00:01.000Z');
    expect(codesAt(f, Date.parse('2026-11-24T01:00:01Z'))).toContain('PP-COURT-OVERDUE');
  });

  it('is the day a six-month cool-off ends, at midnight in the dossier offset', () => {
    const ceased = status({
      conduct: [{ code: 'OBSTRUCTS_ENFORCEMENT', foundOn: '2026-03-01', ceasedOn: '2026-06-10' }],
    });
    const f = facts({ statuses: [received(ceased)] });
    expect(codesAt(f, Date.parse(NOW))).toContain('PP-COOLOFF-6M');
    expect(next(f)).toBe('2026-12-09T16:00:00.000Z');
    expect(codesAt(f, Date.parse('2026-12-09T16:00:00Z'))).not.toContain('PP-COOLOFF-6M');
  });

  it('is none once a ruling is on the application', () => {
    const granted = ruling({ outcome: 'GRANTED', ruledOn: '2026-11-20' }).body;
    const denied = ruling({ outcome: 'DENIED', ruledOn: '2026-11-20' }).body;
    expect(next(facts({ statuses: [received(status())], rulings: [granted] }))).toBeUndefined();
    expect(next(facts({ requests: [request().body], rulings: [denied] }))).toBeUndefined();
  });

  it('is none when no clock is left running', () => {
    expect(next(facts({ statuses: [received(status())] }), '2027-01-01T00:00:00+08:00')).toBeUndefined();
  });
});
