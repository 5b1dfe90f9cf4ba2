// Items that do not count against the prisoner (Arts 8-10: PP-FINE-EXEMPT, PP-FINE-INSTAL,
// PP-CONFISC, PP-CIVIL-10), the Art 11(2) credit (PP-CIVIL-FIRST) and the offence
// categories (PP-CAT-12, PP-CORR-2019).
import { describe, expect, it } from 'vitest';
import type { PropertyKind } from '../../../shared/contract/enforcement-status.ts';
import { codes, dossier, flagOf, JUDGMENT, status } from '../../../generators/case.ts';

const ongoing = [{ code: 'CONCEALS_OR_TRANSFERS_ASSETS' as const, foundOn: '2026-06-01' }];
const dossierOf = (...items: { itemNo: number; kind: PropertyKind; dueFen: number | null }[]) =>
  dossier({ judgments: [{ judgmentId: JUDGMENT, enforcingCourtId: 'FJ-LY-XL', items }] });
const unsearched = { assetSearch: undefined };

describe('PP-FINE-EXEMPT (Art 8(1))', () => {
  const exempted = status({ ...unsearched, fineExempted: { rulingRef: '(2024)闽0802执456号之二', on: '2024-03-01' } });
  it('an exempted fine does not count', () => {
    const flag = flagOf({ messages: [dossier(), exempted] });
    expect(flag.items[0]!.state).toBe('NOT_AFFECTING');
    expect(codes(flag)).toEqual(['PP-FINE-EXEMPT']);
    expect(flag.decision).toBe('CLEAR');
    expect(flag.ability).toBe('NOT_APPLICABLE');
    expect(flag.outstandingFen).toBe(0);
  });
  it('the exemption does not hold while Art 6(1) conduct is present', () => {
    const flag = flagOf({ messages: [dossier(), status({ ...exempted.body, conduct: ongoing })] });
    expect(flag.items[0]!.state).toBe('UNSATISFIED');
    expect(codes(flag)).toContain('PP-REFUSE-6.1');
    expect(codes(flag)).not.toContain('PP-FINE-EXEMPT');
  });
});

describe('PP-FINE-INSTAL (Art 8(2))', () => {
  it('a fine paid in instalments on schedule does not count', () => {
    const flag = flagOf({
      messages: [
        dossier(),
        status({ ...unsearched, instalments: { agreed: true, overdue: false, nextDueOn: '2026-12-01' } }),
      ],
    });
    expect(codes(flag)).toEqual(['PP-FINE-INSTAL']);
    expect(flag.items[0]!.outstandingFen).toBe(4_000_000);
  });
  it('an overdue instalment makes it count again', () => {
    const flag = flagOf({
      messages: [dossier(), status({ ...unsearched, instalments: { agreed: true, overdue: true } })],
    });
    expect(flag.items[0]!.state).toBe('UNSATISFIED');
    expect(codes(flag)).toEqual(['PP-ABLE-CHECK']);
  });
  it('instalments on a recovery order are no relief', () => {
    const flag = flagOf({
      messages: [
        dossierOf({ itemNo: 1, kind: 'RECOVERY', dueFen: 5_000_000 }),
        status({ kind: 'RECOVERY', instalments: { agreed: true, overdue: false } }),
      ],
    });
    expect(flag.items[0]!.state).toBe('UNSATISFIED');
  });
});

describe('PP-CONFISC (Art 9)', () => {
  const confiscation = dossierOf({ itemNo: 1, kind: 'CONFISCATION', dueFen: null });
  const estate = { kind: 'CONFISCATION' as const, dueFen: null, wholeEstate: true, payments: [] };
  it('confiscation still executing does not count', () => {
    const flag = flagOf({ messages: [confiscation, status({ ...estate, ...unsearched })] });
    expect(codes(flag)).toEqual(['PP-CONFISC']);
    expect(flag.items[0]).toMatchObject({ state: 'NOT_AFFECTING', dueFen: null });
  });
  it('but counts while Art 6(1) conduct is present', () => {
    const flag = flagOf({ messages: [confiscation, status({ ...estate, conduct: ongoing })] });
    expect(flag.items[0]!.state).toBe('UNSATISFIED');
    expect(codes(flag)).toContain('PP-REFUSE-6.1');
  });
});

describe('PP-CIVIL-10 (Art 10)', () => {
  const civil = dossierOf({ itemNo: 1, kind: 'CIVIL_INCIDENTAL', dueFen: 5_000_000 });
  const base = { kind: 'CIVIL_INCIDENTAL' as const, ...unsearched };
  it.each([
    ['escrow of the full amount', { escrow: { ref: 'TC-1', amountFen: 4_000_000, on: '2025-01-01' } }, 'escrow'],
    ['instalments on schedule', { instalments: { agreed: true as const, overdue: false } }, 'instalments'],
    ['a written waiver', { victimWaiver: { ref: 'W-1', on: '2025-01-01' } }, 'waived'],
  ])('%s does not count', (_name, patch, word) => {
    const flag = flagOf({ messages: [civil, status({ ...base, ...patch })] });
    expect(codes(flag)).toEqual(['PP-CIVIL-10']);
    expect(flag.reasons[0]!.detail).toContain(word);
  });
  it('escrow short of the full amount is no relief', () => {
    const flag = flagOf({
      messages: [civil, status({ ...base, escrow: { ref: 'TC-1', amountFen: 3_999_999, on: '2025-01-01' } })],
    });
    expect(flag.items[0]!.state).toBe('UNSATISFIED');
  });
});

describe('PP-CIVIL-FIRST (Art 11(2))', () => {
  const twoItems = dossierOf(
    { itemNo: 1, kind: 'FINE', dueFen: 5_000_000 },
    { itemNo: 2, kind: 'CIVIL_INCIDENTAL', dueFen: 300_000 },
  );
  const fine = status({ payments: [] });
  const civilPaid = (paidOn: string) =>
    status({
      itemNo: 2,
      kind: 'CIVIL_INCIDENTAL',
      dueFen: 300_000,
      payments: [{ receiptNo: 'C1', amountFen: 300_000, payer: 'SELF', paidOn }],
    });
  it('credits civil compensation paid first when assets fell short, without changing the decision', () => {
    const flag = flagOf({ messages: [twoItems, fine, civilPaid('2021-01-01')] });
    expect(codes(flag)).toEqual(['PP-UNABLE', 'PP-CIVIL-FIRST']);
    expect(flag.decision).toBe('CLEAR');
  });
  it('does not when the fine was paid before the compensation', () => {
    const finePaidFirst = status({
      payments: [{ receiptNo: 'F1', amountFen: 100, payer: 'SELF', paidOn: '2020-01-01' }],
    });
    expect(codes(flagOf({ messages: [twoItems, finePaidFirst, civilPaid('2021-01-01')] }))).not.toContain(
      'PP-CIVIL-FIRST',
    );
  });
  it('never raises the decision above CLEAR', () => {
    const flag = flagOf({ messages: [twoItems, fine, civilPaid('2021-01-01')] });
    expect(flag.reasons.at(-1)).toMatchObject({ code: 'PP-CIVIL-FIRST', outcome: 'CLEAR' });
  });
});

describe('PP-CAT-12 and PP-CORR-2019', () => {
  it('CAT-12 blocks an Art 12 offender who did not return the gains', () => {
    for (const offenceCategory of ['JOB_RELATED', 'FINANCIAL', 'MAFIA'] as const) {
      const flag = flagOf({ messages: [dossier({ offenceCategory, returnedGainsActively: false }), status()] });
      expect(codes(flag)).toEqual(['PP-CAT-12', 'PP-UNABLE']);
      expect(flag.decision).toBe('BLOCK');
    }
  });
  it('CAT-12 does not fire when the gains were returned', () => {
    expect(
      codes(flagOf({ messages: [dossier({ offenceCategory: 'MAFIA', returnedGainsActively: true }), status()] })),
    ).toEqual(['PP-UNABLE']);
  });
  it('CORR-2019 blocks a former official who is able and has not paid', () => {
    const flag = flagOf({
      messages: [
        dossier({ offenceCategory: 'CORRUPTION_FORMER_OFFICIAL', returnedGainsActively: true }),
        status({ assetSearch: { completedOn: '2026-01-01', executableAssetsFound: true } }),
      ],
    });
    expect(codes(flag)).toEqual(['PP-ABLE-UNPAID', 'PP-CORR-2019']);
  });
  it('CORR-2019 does not fire when the official is unable', () => {
    expect(
      codes(
        flagOf({
          messages: [dossier({ offenceCategory: 'CORRUPTION_FORMER_OFFICIAL', returnedGainsActively: true }), status()],
        }),
      ),
    ).toEqual(['PP-UNABLE']);
  });
});
