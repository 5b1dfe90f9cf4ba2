// Contract v1.1 points 12-14 and 16 on hand-made cases: what each remedy says, the earliest
// clear date, the next change, and how the legal periods are counted.
import { describe, expect, it } from 'vitest';
import { fulfilmentFlagBody } from '../../../shared/contract/fulfilment-flag.ts';
import { replyDueBy } from '../../../shared/rules/periods.ts';
import { DEFAULT_POLICY } from '../../../shared/rules/policy.ts';
import { codes, dossier, flagOf, JUDGMENT, request, ruling, status } from '../../../generators/case.ts';

const KEY = `${JUDGMENT}#1`;
const rich = dossier({ finances: { ...dossier().body.finances!, accountBalanceFen: 10_000_000 } });

describe('remedies (point 12)', () => {
  it('PAY names the amount in yuan and fen and the item by judgment and number', () => {
    const flag = flagOf({ messages: [rich, status()] });
    expect(flag.decision).toBe('BLOCK');
    expect(flag.remedies).toEqual([
      {
        code: 'PP-ABLE-UNPAID',
        action: 'PAY',
        party: 'PRISONER',
        amountFen: 4_000_000,
        items: [KEY],
        detail: `The prisoner pays 40,000.00 yuan (4,000,000 fen), outstanding on item 1 of judgment ${JUDGMENT}.`,
      },
    ]);
    // Paying today would clear it today; nothing else changes by time until the status goes stale.
    expect(flag.earliestClearOn).toBe('2026-11-21');
    expect(flag.nextChangeAt).toBe('2026-12-21T00:00:00+08:00');
  });

  it('WAIT carries the end of the cool-off, and the earliest clear date is that day', () => {
    const conduct = [{ code: 'OBSTRUCTS_ENFORCEMENT' as const, foundOn: '2026-03-01', ceasedOn: '2026-06-10' }];
    const flag = flagOf({ messages: [rich, status({ conduct })] });
    expect(codes(flag)).toEqual(['PP-COOLOFF-6M', 'PP-ABLE-UNPAID', 'PP-AMBIG-6.3']);
    expect(flag.remedies!.map((r) => [r.code, r.action, r.party, r.until])).toEqual([
      ['PP-COOLOFF-6M', 'WAIT', 'PRISONER', '2026-12-10'],
      ['PP-ABLE-UNPAID', 'PAY', 'PRISONER', undefined],
      ['PP-AMBIG-6.3', 'JUDGE', 'HEARING_COURT', undefined],
    ]);
    // Paid today, the cessation on 2026-06-10 is still the earlier anchor.
    expect(flag.earliestClearOn).toBe('2026-12-10');
    expect(flag.nextChangeAt).toBe('2026-12-10T00:00:00+08:00');
  });

  it('CEASE_CONDUCT names the conduct and what is owed; clearing waits six months from today', () => {
    const conduct = [{ code: 'CONCEALS_OR_TRANSFERS_ASSETS' as const, foundOn: '2026-03-01' }];
    const flag = flagOf({ messages: [dossier(), status({ conduct })] });
    const cease = flag.remedies!.find((r) => r.code === 'PP-REFUSE-6.1')!;
    expect(cease).toMatchObject({ action: 'CEASE_CONDUCT', party: 'PRISONER', amountFen: 4_000_000, items: [KEY] });
    expect(cease.detail).toContain('hides, conceals or transfers assets (6(1)(ii)), found 2026-03-01');
    expect(cease.detail).toContain('40,000.00 yuan (4,000,000 fen)');
    const wait = flag.remedies!.find((r) => r.code === 'PP-COOLOFF-6M')!;
    expect(wait).not.toHaveProperty('until');
    expect(flag.earliestClearOn).toBe('2027-05-21');
  });

  it('SUPPLY_MATERIALS falls to the enforcing court when only its record is missing', () => {
    const flag = flagOf({ messages: [dossier(), status({ documents: [] })] });
    expect(flag.remedies).toEqual([
      expect.objectContaining({
        code: 'PP-MAT-PENDING',
        action: 'SUPPLY_MATERIALS',
        party: 'ENFORCING_COURT',
        materials: ['ENFORCEMENT_RECORD'],
        until: '2026-11-28',
      }),
    ]);
    expect(flag.nextChangeAt).toBe('2026-11-29T00:00:00+08:00');
  });

  it('SEND_STATUS gives the open request’s due date; an overdue one has none', () => {
    const open = request({ requestedAt: '2026-11-20T10:00:00+08:00', dueBy: '2026-11-27T23:59:59+08:00' });
    const flag = flagOf({ messages: [dossier(), open] });
    expect(flag.remedies!.find((r) => r.code === 'PP-STATUS-MISSING')).toMatchObject({
      action: 'SEND_STATUS',
      party: 'ENFORCING_COURT',
      items: [KEY],
      until: '2026-11-27',
    });
    // Overdue from the first second after dueBy, not before.
    expect(flag.nextChangeAt).toBe('2026-11-28T00:00:00+08:00');
    expect(codes(flagOf({ now: '2026-11-27T23:59:59+08:00', messages: [dossier(), open] }))).not.toContain(
      'PP-COURT-OVERDUE',
    );
    const late = flagOf({ now: '2026-11-28T00:00:00+08:00', messages: [dossier(), open] });
    expect(codes(late)).toContain('PP-COURT-OVERDUE');
    expect(late.remedies!.find((r) => r.code === 'PP-COURT-OVERDUE')).toEqual(
      expect.objectContaining({ action: 'SEND_STATUS', items: [KEY] }),
    );
    expect(late.remedies!.find((r) => r.code === 'PP-COURT-OVERDUE')).not.toHaveProperty('until');
  });

  it('JUDGE for a proposal before SPC-2024, which never clears by itself', () => {
    const flag = flagOf({ messages: [dossier({ submittedAt: '2024-04-20T10:00:00+08:00' }), status()] });
    expect(flag.remedies).toEqual([
      expect.objectContaining({ code: 'PP-TEMPORAL', action: 'JUDGE', party: 'HEARING_COURT' }),
    ]);
    expect(flag.earliestClearOn).toBeNull();
  });

  it('after a grant: REVOKE is for the court to judge, and nothing is projected', () => {
    const conduct = [{ code: 'FALSE_DECLARATION' as const, foundOn: '2027-02-01', serious: true }];
    const flag = flagOf({
      now: '2027-02-02T10:00:00+08:00',
      messages: [dossier(), status({ conduct }), ruling({ ruledOn: '2027-01-15' })],
    });
    expect(flag.decision).toBe('REVOKE');
    expect(flag.remedies).toEqual([expect.objectContaining({ code: 'PP-REVOKE', action: 'JUDGE' })]);
    expect(flag.earliestClearOn).toBeNull();
    expect(flag.nextChangeAt).toBeNull();
  });

  it('the flag schema rejects a remedy that contradicts the table', () => {
    const flag = flagOf({ messages: [rich, status()] });
    const wrong = { ...flag, remedies: [{ ...flag.remedies![0]!, action: 'WAIT', amountFen: undefined }] };
    const result = fulfilmentFlagBody.safeParse(wrong);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['remedies.0.action', 'must be PAY for PP-ABLE-UNPAID'],
    ]);
    const missing = { ...flag, remedies: [{ ...flag.remedies![0]!, amountFen: undefined }] };
    expect(fulfilmentFlagBody.safeParse(missing).error!.issues[0]!.message).toBe('is required for a PAY remedy');
  });
});

describe('reply periods (point 16)', () => {
  it('a request is due at the end of the seventh day after the date it was sent, in the dossier’s offset', () => {
    expect(replyDueBy('2026-11-21T09:00:01+08:00', DEFAULT_POLICY, 480)).toBe('2026-11-28T23:59:59+08:00');
    // 20:00 UTC on the 21st is already the 22nd in Beijing.
    expect(replyDueBy('2026-11-21T20:00:00Z', DEFAULT_POLICY, 480)).toBe('2026-11-29T23:59:59+08:00');
  });
});
