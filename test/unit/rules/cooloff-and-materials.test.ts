// PP-COOLOFF-6M and PP-AMBIG-6.3 (Art 6(3)); PP-MAT-PENDING and PP-MAT-MISSING (Art 5).
import { describe, expect, it } from 'vitest';
import { codes, dossier, flagOf, JUDGMENT, status } from '../../../generators/case.ts';

const ceased = (ceasedOn: string) => [{ code: 'OBSTRUCTS_ENFORCEMENT' as const, foundOn: '2025-01-01', ceasedOn }];
const fullPayment = (paidOn: string) => [{ receiptNo: 'R', amountFen: 5_000_000, payer: 'SELF' as const, paidOn }];

describe('PP-COOLOFF-6M (R09)', () => {
  it('fires within six months of the conduct ceasing, with PP-AMBIG-6.3 while unpaid', () => {
    const flag = flagOf({ messages: [dossier(), status({ conduct: ceased('2026-06-01') })] });
    expect(codes(flag)).toEqual(['PP-COOLOFF-6M', 'PP-AMBIG-6.3', 'PP-UNABLE']);
    expect(flag.decision).toBe('BLOCK');
    expect(flag.reasons[0]!.detail).toContain('until 2026-12-01');
  });
  it('does not fire six calendar months after cessation, but the reading stays flagged', () => {
    const flag = flagOf({ messages: [dossier(), status({ conduct: ceased('2026-05-21') })] });
    expect(codes(flag)).toEqual(['PP-AMBIG-6.3', 'PP-UNABLE']);
    expect(flag.decision).toBe('FLAG');
  });
  it('counts from full payment when that came first', () => {
    const flag = flagOf({
      messages: [
        dossier(),
        status({
          payments: fullPayment('2026-08-01'),
          conduct: [{ code: 'HIDES_PROCEEDS_WHEREABOUTS', foundOn: '2025-01-01' }],
        }),
      ],
    });
    expect(codes(flag)).toEqual(['PP-COOLOFF-6M']);
    expect(flag.reasons[0]!.detail).toContain('paid in full on 2026-08-01');
  });
  it('does not fire six months after full payment, and there is nothing ambiguous then', () => {
    const flag = flagOf({
      messages: [dossier(), status({ payments: fullPayment('2026-05-01'), conduct: ceased('2026-10-01') })],
    });
    expect(codes(flag)).toEqual(['PP-SATISFIED']);
  });
  it('fires with no anchor at all: conduct ongoing and items unpaid', () => {
    const flag = flagOf({
      messages: [dossier(), status({ conduct: [{ code: 'HIDES_PROCEEDS_WHEREABOUTS', foundOn: '2025-01-01' }] })],
    });
    expect(codes(flag)).toContain('PP-COOLOFF-6M');
    expect(codes(flag)).not.toContain('PP-AMBIG-6.3');
  });
  it('a refused asset declaration is conduct that never ceases: only full payment starts the wait', () => {
    const refused = dossier({
      assetDeclaration: { filedOn: '2026-10-10', declaredAssetsFen: 0, refusedOrFalse: true },
    });
    expect(codes(flagOf({ messages: [refused, status({ payments: fullPayment('2026-08-01') })] }))).toEqual([
      'PP-COOLOFF-6M',
    ]);
    expect(codes(flagOf({ messages: [refused, status({ payments: fullPayment('2026-05-01') })] }))).toEqual([
      'PP-SATISFIED',
    ]);
  });
  it('conduct ceasing today counts as ceased', () => {
    const flag = flagOf({ messages: [dossier(), status({ conduct: ceased('2026-11-21') })] });
    expect(codes(flag)).not.toContain('PP-REFUSE-6.1');
    expect(flag.reasons[0]!.detail).toContain('ceased on 2026-11-21');
  });
  it('when co-obligors closed a joint item, the payment anchor is the status date', () => {
    const joint = status({
      kind: 'CIVIL_INCIDENTAL',
      payments: [{ receiptNo: 'R1', amountFen: 1_000_000, payer: 'SELF', paidOn: '2025-01-02' }],
      jointLiability: { groupId: 'G1', coObligorsPaidFen: 4_000_000 },
      conduct: [{ code: 'HIDES_PROCEEDS_WHEREABOUTS', foundOn: '2024-01-01' }],
      asOf: '2026-11-20T09:30:00+08:00',
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
    expect(flagOf({ messages: [d, joint] }).reasons[0]!.detail).toContain('paid in full on 2026-11-20');
  });
  it('never fires without recorded conduct', () => {
    expect(codes(flagOf({ messages: [dossier(), status()] }))).not.toContain('PP-COOLOFF-6M');
  });
  it('the period is a policy setting and month ends clamp', () => {
    const flag = flagOf({
      now: '2027-02-27T10:00:00+08:00',
      policy: { cooloffMonths: 6 },
      messages: [dossier(), status({ asOf: '2027-02-20T10:00:00+08:00', conduct: ceased('2026-08-31') })],
    });
    expect(codes(flag)).toContain('PP-COOLOFF-6M');
    expect(flag.reasons[0]!.detail).toContain('until 2027-02-28');
  });
});

describe('Art 5 materials (R05, R06)', () => {
  it('PP-MAT-PENDING within seven days of the first submission', () => {
    const flag = flagOf({
      messages: [dossier({ assetDeclaration: null, adverseConsequenceNoticeOn: null }), status()],
    });
    expect(codes(flag)).toEqual(['PP-MAT-PENDING', 'PP-UNABLE']);
    expect(flag.missingMaterials).toEqual(['ASSET_DECLARATION', 'ADVERSE_CONSEQUENCE_NOTICE']);
    expect(flag.decision).toBe('FLAG');
  });
  it('PP-MAT-MISSING from the eighth day after the first submission (BLOCK: not filed)', () => {
    const flag = flagOf({ now: '2026-11-29T00:00:00+08:00', messages: [dossier({ finances: null }), status()] });
    expect(codes(flag)).toContain('PP-MAT-MISSING');
    expect(flag.missingMaterials).toEqual(['CONSUMPTION_AND_BALANCE']);
    expect(flag.decision).toBe('BLOCK');
  });
  it('counts as procedural law does (point 16): the seventh day after the submission is still pending', () => {
    // Submitted on the 21st: the 21st is not counted; the period runs through the end of the 28th.
    const flag = flagOf({ now: '2026-11-28T23:59:59+08:00', messages: [dossier({ finances: null }), status()] });
    expect(codes(flag)).toContain('PP-MAT-PENDING');
    const pending = flag.remedies!.find((r) => r.code === 'PP-MAT-PENDING')!;
    expect(pending).toMatchObject({ action: 'SUPPLY_MATERIALS', party: 'PRISON', until: '2026-11-28' });
    // 16:00 UTC on the 28th is already the 29th, the eighth day, in Beijing.
    const utc = flagOf({ now: '2026-11-28T16:00:00Z', messages: [dossier({ finances: null }), status()] });
    expect(codes(utc)).toContain('PP-MAT-MISSING');
  });
  it('the clock runs from the first version, not a later correction', () => {
    const v1 = dossier({ finances: null, version: 1, submittedAt: '2026-11-10T09:00:00+08:00' });
    const v2 = dossier({ finances: null, version: 2, submittedAt: '2026-11-20T09:00:00+08:00' });
    expect(codes(flagOf({ messages: [v2, v1, status()] }))).toContain('PP-MAT-MISSING');
  });
  it('an enforcement record is missing when an unpaid item’s status has no documents', () => {
    const flag = flagOf({ messages: [dossier(), status({ documents: [] })] });
    expect(flag.missingMaterials).toEqual(['ENFORCEMENT_RECORD']);
  });
  it('the asset search stands in for the third-party statement', () => {
    expect(flagOf({ messages: [dossier({ thirdPartyAssetStatement: null }), status()] }).missingMaterials).toEqual([]);
    const noSearch = flagOf({
      messages: [dossier({ thirdPartyAssetStatement: null }), status({ assetSearch: undefined })],
    });
    expect(noSearch.missingMaterials).toEqual(['THIRD_PARTY_ASSET_STATEMENT']);
  });
  it('materials are not required once everything is paid', () => {
    const flag = flagOf({
      messages: [dossier({ finances: null, assetDeclaration: null }), status({ payments: fullPayment('2025-01-01') })],
    });
    expect(flag.missingMaterials).toEqual([]);
    expect(codes(flag)).toEqual(['PP-SATISFIED']);
  });
  it('materials are required while an item is unknown', () => {
    const flag = flagOf({ messages: [dossier({ finances: null })] });
    expect(flag.missingMaterials).toEqual(['CONSUMPTION_AND_BALANCE']);
  });
});
