// Ability to pay: PP-REFUSE-6.1, PP-REFUSE-6.2, PP-SPEND-NEAR, PP-ABLE-UNPAID, PP-UNABLE,
// PP-ABLE-CHECK (R07, R08, R08a, R10-R12), each with a near case that must not fire.
import { describe, expect, it } from 'vitest';
import { codes, dossier, flagOf, status } from '../../../generators/case.ts';

type Finances = NonNullable<Parameters<typeof dossier>[0]>['finances'];
const finances = (patch: Partial<NonNullable<Finances>>): Finances => ({
  accountBalanceFen: 21_000,
  monthlySpendFen: [30_000],
  quotaMonthlyFen: 40_000,
  spendingViaOthers: false,
  ...patch,
});
const withFinances = (patch: Partial<NonNullable<Finances>>) =>
  flagOf({ messages: [dossier({ finances: finances(patch) }), status()] });

describe('PP-REFUSE-6.1 (Art 6(1))', () => {
  it('fires on ongoing concealment recorded by the enforcing court', () => {
    const flag = flagOf({
      messages: [dossier(), status({ conduct: [{ code: 'CONCEALS_OR_TRANSFERS_ASSETS', foundOn: '2026-06-01' }] })],
    });
    expect(flag.decision).toBe('BLOCK');
    expect(flag.ability).toBe('ABLE');
    expect(codes(flag)).toEqual(['PP-REFUSE-6.1', 'PP-COOLOFF-6M']);
    expect(flag.reasons[0]!.detail).toContain('conceals');
  });
  it('fires on a refused or false asset declaration', () => {
    const flag = flagOf({
      messages: [
        dossier({ assetDeclaration: { filedOn: '2026-10-10', declaredAssetsFen: 0, refusedOrFalse: true } }),
        status(),
      ],
    });
    expect(codes(flag)).toContain('PP-REFUSE-6.1');
    expect(flag.ability).toBe('ABLE');
  });
  it('does not fire once the conduct has ceased', () => {
    const flag = flagOf({
      messages: [
        dossier(),
        status({ conduct: [{ code: 'OBSTRUCTS_ENFORCEMENT', foundOn: '2025-01-01', ceasedOn: '2025-02-01' }] }),
      ],
    });
    expect(codes(flag)).not.toContain('PP-REFUSE-6.1');
    expect(flag.ability).toBe('UNABLE');
  });
  it('does not fire when every item is paid', () => {
    const paid = status({
      payments: [{ receiptNo: 'R', amountFen: 5_000_000, payer: 'SELF', paidOn: '2025-01-01' }],
      conduct: [{ code: 'OBSTRUCTS_ENFORCEMENT', foundOn: '2024-01-01' }],
    });
    const flag = flagOf({ messages: [dossier(), paid] });
    expect(codes(flag)).not.toContain('PP-REFUSE-6.1');
    expect(flag.ability).toBe('NOT_APPLICABLE');
  });
});

describe('PP-REFUSE-6.2 and PP-SPEND-NEAR (Art 6(2))', () => {
  it('6.2 fires on spending through others', () => {
    const flag = withFinances({ spendingViaOthers: true });
    expect(codes(flag)).toEqual(['PP-REFUSE-6.2']);
    expect(flag.ability).toBe('ABLE');
  });
  it('6.2 fires when the mean is over quota × 1.2 with no special reason', () => {
    const flag = withFinances({ monthlySpendFen: [48_001, 48_001] });
    expect(codes(flag)).toEqual(['PP-REFUSE-6.2']);
    expect(flag.decision).toBe('BLOCK');
  });
  it('at exactly quota × 1.2 it is only near: PP-SPEND-NEAR', () => {
    const flag = withFinances({ monthlySpendFen: [48_000, 48_000] });
    expect(codes(flag)).toEqual(['PP-SPEND-NEAR', 'PP-UNABLE']);
    expect(flag.decision).toBe('FLAG');
    expect(flag.ability).toBe('UNABLE');
  });
  it('a special reason turns a clear overspend into PP-SPEND-NEAR', () => {
    const flag = withFinances({ monthlySpendFen: [90_000], specialSpendingReason: 'medical treatment' });
    expect(codes(flag)).toEqual(['PP-SPEND-NEAR', 'PP-UNABLE']);
  });
  it('spending does not matter once everything is paid', () => {
    const paid = status({ payments: [{ receiptNo: 'R', amountFen: 5_000_000, payer: 'SELF', paidOn: '2025-01-01' }] });
    const flag = flagOf({
      messages: [dossier({ finances: finances({ monthlySpendFen: [90_000], spendingViaOthers: true }) }), paid],
    });
    expect(codes(flag)).toEqual(['PP-SATISFIED']);
  });
  it('nothing fires at or under the quota', () => {
    expect(codes(withFinances({ monthlySpendFen: [40_000, 40_000] }))).toEqual(['PP-UNABLE']);
  });
  it('the tolerance is a policy setting', () => {
    const flag = flagOf({
      policy: { spendingTolerance: 0.1 },
      messages: [dossier({ finances: finances({ monthlySpendFen: [45_000] }) }), status()],
    });
    expect(codes(flag)).toEqual(['PP-REFUSE-6.2']);
    expect(flag.policy).toEqual({ id: 'spc-2024-5', version: '1', overrides: { spendingTolerance: 0.1 } });
  });
});

describe('PP-ABLE-UNPAID (Art 4(1))', () => {
  it('fires when the asset search found executable assets', () => {
    const flag = flagOf({
      messages: [
        dossier(),
        status({ assetSearch: { completedOn: '2026-09-01', executableAssetsFound: true, foundFen: 800_000 } }),
      ],
    });
    expect(codes(flag)).toEqual(['PP-ABLE-UNPAID']);
    expect(flag.ability).toBe('ABLE');
    expect(flag.reasons[0]!.detail).toContain('8,000.00 yuan');
  });
  it('fires when the balance above the reserve covers what is owed', () => {
    const flag = withFinances({ accountBalanceFen: 4_000_000 + 50_000 });
    expect(codes(flag)).toEqual(['PP-ABLE-UNPAID']);
  });
  it('does not fire one fen short of that', () => {
    const flag = withFinances({ accountBalanceFen: 4_000_000 + 50_000 - 1 });
    expect(codes(flag)).toEqual(['PP-UNABLE']);
  });
  it('the reserve is a policy setting', () => {
    const flag = flagOf({
      policy: { subsistenceReserveFen: 0 },
      messages: [dossier({ finances: finances({ accountBalanceFen: 4_000_000 }) }), status()],
    });
    expect(codes(flag)).toEqual(['PP-ABLE-UNPAID']);
  });
});

describe('PP-UNABLE and PP-ABLE-CHECK (Arts 3, 7)', () => {
  it('UNABLE needs a no-assets search on every unsatisfied item', () => {
    const second = status({ itemNo: 2, kind: 'RECOVERY', dueFen: 100_000, payments: [], assetSearch: undefined });
    const d = dossier({
      judgments: [
        {
          judgmentId: second.body.judgmentId,
          enforcingCourtId: 'FJ-LY-XL',
          items: [
            { itemNo: 1, kind: 'FINE', dueFen: 5_000_000 },
            { itemNo: 2, kind: 'RECOVERY', dueFen: 100_000 },
          ],
        },
      ],
    });
    const flag = flagOf({ messages: [d, status(), second] });
    expect(flag.ability).toBe('UNDETERMINED');
    expect(codes(flag)).toEqual(['PP-ABLE-CHECK']);
    expect(flag.decision).toBe('FLAG');
    expect(flag.reasons[0]!.detail).toContain('could pay 0.00 yuan of the 41,000.00 yuan');
  });
  it('ABLE-CHECK says what the balance above the reserve could pay now', () => {
    const flag = flagOf({
      messages: [dossier({ finances: finances({ accountBalanceFen: 150_000 }) }), status({ assetSearch: undefined })],
    });
    expect(codes(flag)).toEqual(['PP-ABLE-CHECK']);
    expect(flag.reasons[0]!.detail).toContain('could pay 1,000.00 yuan of the 40,000.00 yuan unpaid');
  });
  it('no ability reason at all when nothing is unsatisfied', () => {
    const flag = flagOf({
      messages: [
        dossier(),
        status({ payments: [{ receiptNo: 'R', amountFen: 5_000_000, payer: 'SELF', paidOn: '2025-01-01' }] }),
      ],
    });
    expect(codes(flag).some((c) => ['PP-UNABLE', 'PP-ABLE-CHECK', 'PP-ABLE-UNPAID'].includes(c))).toBe(false);
  });
});
