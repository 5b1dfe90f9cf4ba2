// Item states, PP-NONE, PP-SATISFIED, PP-ITEMS-MISMATCH, PP-TEMPORAL: each fires, and a
// near case does not.
import { describe, expect, it } from 'vitest';
import { codes, dossier, flagOf, JUDGMENT, status } from '../../../generators/case.ts';

const base = { messages: [dossier(), status()] };

describe('baseline', () => {
  it('is the contract example: unable to pay, CLEAR', () => {
    const flag = flagOf(base);
    expect(flag.decision).toBe('CLEAR');
    expect(flag.ability).toBe('UNABLE');
    expect(codes(flag)).toEqual(['PP-UNABLE']);
    expect(flag.items[0]).toMatchObject({
      state: 'UNSATISFIED',
      paidFen: 1_000_000,
      outstandingFen: 4_000_000,
      version: 1,
    });
    expect(flag.outstandingFen).toBe(4_000_000);
    expect(flag.missingMaterials).toEqual([]);
    expect(flag.inputs).toEqual({ dossierVersion: 1, statuses: { [`${JUDGMENT}#1`]: 1 } });
  });
});

describe('PP-NONE (R02)', () => {
  it('fires when the judgments carry no property items', () => {
    const flag = flagOf({
      messages: [dossier({ judgments: [{ judgmentId: JUDGMENT, enforcingCourtId: 'FJ-LY-XL', items: [] }] })],
    });
    expect(flag.decision).toBe('CLEAR');
    expect(codes(flag)).toEqual(['PP-NONE']);
    expect(flag.ability).toBe('NOT_APPLICABLE');
  });
  it('does not fire when an enforcing court reports an item the dossier lacks', () => {
    const flag = flagOf({
      messages: [dossier({ judgments: [{ judgmentId: JUDGMENT, enforcingCourtId: 'FJ-LY-XL', items: [] }] }), status()],
    });
    expect(codes(flag)).not.toContain('PP-NONE');
    expect(codes(flag)).toContain('PP-ITEMS-MISMATCH');
  });
});

describe('PP-SATISFIED (R03, R04)', () => {
  const paid = (amountFen: number, payer: 'SELF' | 'RELATIVE' | 'OTHER' = 'SELF') =>
    status({ payments: [{ receiptNo: 'R1', amountFen, payer, paidOn: '2025-01-02' }] });

  it('fires when payments of any payer reach the amount due', () => {
    for (const payer of ['SELF', 'RELATIVE', 'OTHER'] as const) {
      const flag = flagOf({ messages: [dossier(), paid(5_000_000, payer)] });
      expect(flag.decision).toBe('CLEAR');
      expect(codes(flag)).toEqual(['PP-SATISFIED']);
      expect(flag.items[0]).toMatchObject({ state: 'SATISFIED', outstandingFen: 0 });
      expect(flag.ability).toBe('NOT_APPLICABLE');
      expect(flag.outstandingFen).toBe(0);
    }
  });
  it('does not fire one fen short', () => {
    const flag = flagOf({ messages: [dossier(), paid(4_999_999)] });
    expect(codes(flag)).not.toContain('PP-SATISFIED');
    expect(flag.items[0]!.state).toBe('UNSATISFIED');
    expect(flag.outstandingFen).toBe(1);
  });
  it('counts co-obligors under joint liability (Art 2(2))', () => {
    const joint = status({
      kind: 'CIVIL_INCIDENTAL',
      payments: [{ receiptNo: 'R1', amountFen: 1_000_000, payer: 'SELF', paidOn: '2025-01-02' }],
      jointLiability: { groupId: 'G1', coObligorsPaidFen: 4_000_000 },
    });
    const d = dossier({
      judgments: [
        {
          judgmentId: JUDGMENT,
          enforcingCourtId: 'FJ-LY-XL',
          items: [{ itemNo: 1, kind: 'CIVIL_INCIDENTAL', dueFen: 5_000_000 }],
        },
      ],
    });
    expect(codes(flagOf({ messages: [d, joint] }))).toEqual(['PP-SATISFIED']);
    const short = status({ ...joint.body, jointLiability: { groupId: 'G1', coObligorsPaidFen: 3_999_999 } });
    expect(flagOf({ messages: [d, short] }).items[0]!.state).toBe('UNSATISFIED');
  });
  it('gives way to a reason above CLEAR', () => {
    const flag = flagOf({
      messages: [dossier({ offenceCategory: 'FINANCIAL', returnedGainsActively: false }), paid(5_000_000)],
    });
    expect(codes(flag)).toEqual(['PP-CAT-12']);
  });
});

describe('PP-ITEMS-MISMATCH (semantics 1)', () => {
  it('fires when the dossier amount differs from the enforcing court’s', () => {
    const flag = flagOf({
      messages: [
        dossier({
          judgments: [
            {
              judgmentId: JUDGMENT,
              enforcingCourtId: 'FJ-LY-XL',
              items: [{ itemNo: 1, kind: 'FINE', dueFen: 4_000_000 }],
            },
          ],
        }),
        status(),
      ],
    });
    expect(flag.decision).toBe('FLAG');
    expect(codes(flag)).toContain('PP-ITEMS-MISMATCH');
    expect(flag.items[0]!.dueFen).toBe(5_000_000);
  });
  it('fires when a court reports an item the dossier does not list', () => {
    const flag = flagOf({
      messages: [dossier(), status(), status({ itemNo: 2, kind: 'RECOVERY', dueFen: 100_000, payments: [] })],
    });
    expect(codes(flag)).toContain('PP-ITEMS-MISMATCH');
    expect(flag.items.map((i) => i.itemNo)).toEqual([1, 2]);
  });
  it('does not fire for a separate civil judgment the prison cannot know (Art 11(1))', () => {
    const civil = status({ judgmentId: '(2020)闽0802民初9号', kind: 'CIVIL_SEPARATE', dueFen: 100_000, payments: [] });
    const flag = flagOf({ messages: [dossier(), status(), civil] });
    expect(codes(flag)).not.toContain('PP-ITEMS-MISMATCH');
    expect(flag.items).toHaveLength(2);
    expect(flag.outstandingFen).toBe(4_100_000);
  });
  it('ignores statuses about another person', () => {
    const other = status({ personId: '11010519491231002X', itemNo: 2 });
    expect(codes(flagOf({ messages: [dossier(), status(), other] }))).toEqual(['PP-UNABLE']);
  });
  it('uses the highest status version', () => {
    const v1 = status({ version: 1 });
    const v2 = status({
      version: 2,
      payments: [{ receiptNo: 'R9', amountFen: 5_000_000, payer: 'SELF', paidOn: '2026-01-01' }],
    });
    expect(codes(flagOf({ messages: [dossier(), v2, v1] }))).toEqual(['PP-SATISFIED']);
  });
});

describe('PP-TEMPORAL (R01)', () => {
  const at = (submittedAt: string, now: string) =>
    flagOf({ now, messages: [dossier({ submittedAt }), status({ asOf: submittedAt })] });
  it('fires for a proposal submitted before 2024-05-01', () => {
    const flag = at('2024-04-30T10:00:00+08:00', '2024-04-30T11:00:00+08:00');
    expect(codes(flag)).toContain('PP-TEMPORAL');
    expect(flag.decision).toBe('FLAG');
  });
  it('does not fire from 2024-05-01', () => {
    expect(codes(at('2024-05-01T00:00:00+08:00', '2024-05-01T11:00:00+08:00'))).not.toContain('PP-TEMPORAL');
  });
});
