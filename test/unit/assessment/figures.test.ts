// The pure parts of the assessment figures: what an event adds, periods, percentiles, CSV.
import { describe, expect, it } from 'vitest';
import {
  answerCounts,
  materialsCompletedCounts,
  needsHistory,
  serviceFlagCounts,
  rulingCounts,
} from '../../../shared/assessment/contributions.ts';
import { figuresCsv } from '../../../shared/assessment/csv.ts';
import { monthsOf, parsePeriod } from '../../../shared/assessment/periods.ts';
import { deriveFigures, percentileOf } from '../../../shared/assessment/report.ts';
import type { FulfilmentFlag } from '../../../shared/contract/fulfilment-flag.ts';

const flag = (revision: number, decision: FulfilmentFlag['decision'], paid: number, codes: string[] = []) =>
  ({
    revision,
    decision,
    reasons: codes.map((code) => ({ code })),
    items: [{ paidFen: paid }],
  }) as unknown as FulfilmentFlag;

describe('assessment figures', () => {
  it('count a CLEAR after a BLOCK run with the fen paid since the first non-CLEAR revision of that run', () => {
    const earlier = [flag(1, 'CLEAR', 0), flag(2, 'FLAG', 100), flag(3, 'BLOCK', 300)];
    expect(serviceFlagCounts(flag(4, 'CLEAR', 1_000), earlier)).toEqual({
      applicationsEvaluated: 0,
      revocations: 0,
      clearedAfterPayment: 1,
      fenCollected: 900,
    });
    // Nothing paid since: turned CLEAR for another reason, not counted.
    expect(serviceFlagCounts(flag(4, 'CLEAR', 100), earlier).clearedAfterPayment).toBeUndefined();
    expect(serviceFlagCounts(flag(1, 'REVOKE', 0, ['PP-POST-ENFORCE']), [])).toEqual({
      applicationsEvaluated: 1,
      revocations: 1,
      postEnforce: 1,
    });
  });

  it('count a reply by calendar days, within 7 days up to 23:59:59 of the 7th day after the request', () => {
    const request = { requestedAt: '2026-11-03T09:00:00+08:00', dueBy: '2026-11-10T23:59:59+08:00' };
    expect(answerCounts(request, '2026-11-10T23:59:59+08:00')).toEqual({
      requestsAnswered: 1,
      answeredWithin7: 1,
      rd7: 1,
    });
    expect(answerCounts(request, '2026-11-11T00:00:00+08:00')).toEqual({
      requestsAnswered: 1,
      answeredWithin7: 0,
      rd8: 1,
    });
    expect(answerCounts(request, '2026-12-30T10:00:00+08:00').rd30).toBe(1);
    expect(rulingCounts('GRANTED', 'BLOCK')).toEqual({ rulingsRecorded: 1, grantedAgainstBlock: 1 });
    expect(rulingCounts('GRANTED', 'FLAG').grantedAgainstBlock).toBe(0);
  });

  it("count a prison's materials completed once: the first revision without a material code, in days since the first submission", () => {
    const at = (f: FulfilmentFlag, evaluatedAt: string) => ({ ...f, evaluatedAt }) as FulfilmentFlag;
    const submitted = '2026-11-03T23:30:00+08:00';
    const r1 = at(flag(1, 'FLAG', 0, ['PP-MAT-PENDING']), '2026-11-03T23:31:00+08:00');
    const r2 = at(flag(2, 'FLAG', 0, ['PP-MAT-MISSING']), '2026-11-11T08:00:00+08:00');
    const r3 = at(flag(3, 'BLOCK', 0, ['PP-ABLE-UNPAID']), '2026-11-13T00:10:00+08:00');
    const r4 = at(flag(4, 'CLEAR', 100), '2026-11-20T00:10:00+08:00');
    // Days by local dates: 3 → 13 November is 10 days, whatever the hours.
    expect(materialsCompletedCounts(r3, [r1, r2], submitted)).toEqual({ materialsCompleted: 1, md10: 1 });
    expect(needsHistory(r3)).toBe(true);
    // Not again later, not while still missing, not at revision 1, not when complete from the start.
    expect(materialsCompletedCounts(r4, [r1, r2, r3], submitted)).toBeUndefined();
    expect(materialsCompletedCounts(r2, [r1], submitted)).toBeUndefined();
    expect(materialsCompletedCounts(at(flag(1, 'CLEAR', 0), r1.evaluatedAt), [], submitted)).toBeUndefined();
    expect(materialsCompletedCounts(r3, [at(flag(1, 'BLOCK', 0), r1.evaluatedAt)], submitted)).toBeUndefined();
    // Past 30 days: the last bucket.
    expect(materialsCompletedCounts(at(r3, '2027-01-20T10:00:00+08:00'), [r1], submitted)).toEqual({
      materialsCompleted: 1,
      md30: 1,
    });
    expect(deriveFigures('PRISON', { md2: 1, md5: 2, md9: 1 }).derived.medianMaterialsDays).toBe(5);
  });

  it('take medians and the 90th percentile from the day histogram (nearest rank)', () => {
    expect(percentileOf([0, 2, 1, 0, 1], 0.5)).toBe(1);
    expect(percentileOf([0, 2, 1, 0, 1], 0.9)).toBe(4);
    expect(percentileOf([0, 0], 0.5)).toBeNull();
    expect(deriveFigures('PRISON', { dossiersSubmitted: 0 }).derived.completeAtFirstPct).toBeNull();
  });

  it('read months and quarters, and name the field of a bad period', () => {
    expect(monthsOf(parsePeriod('2026-Q4'))).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf(parsePeriod('2026-11'))).toEqual(['2026-11']);
    expect(() => parsePeriod('2026-13', '--period')).toThrow(/^--period: expected a month/);
  });

  it('write CSV with a byte-order mark, quoting what needs it', () => {
    const csv = figuresCsv([
      {
        institutionId: 'P1',
        name: 'Prison, "No. 1"',
        kind: 'PRISON',
        period: '2026-11',
        counts: { dossiersSubmitted: 4, completeAtFirst: 3 },
        derived: { completeAtFirstPct: 75 },
      },
    ]);
    expect(csv.startsWith('\uFEFFperiod,institution_id')).toBe(true);
    expect(csv).toContain('2026-11,P1,"Prison, ""No. 1""",监狱,completeAtFirstPct,首次齐全率(%),75\r\n');
  });
});
