// PP-MAJOR-MERIT (Art 4(4)) and what happens after a ruling (Art 14(2): PP-POST-ENFORCE,
// PP-REVOKE; closed applications send nothing).
import { describe, expect, it } from 'vitest';
import { codes, dossier, flagOf, ruling, run, status } from '../../../generators/case.ts';

const concealing = status({ conduct: [{ code: 'CONCEALS_OR_TRANSFERS_ASSETS', foundOn: '2026-06-01' }] });

describe('PP-MAJOR-MERIT', () => {
  it('turns property BLOCKs into FLAGs for a commutation for major meritorious service', () => {
    const flag = flagOf({
      messages: [
        dossier({ basis: 'MAJOR_MERITORIOUS', offenceCategory: 'FINANCIAL', returnedGainsActively: false }),
        concealing,
      ],
    });
    expect(flag.decision).toBe('FLAG');
    expect(codes(flag)).toEqual(['PP-REFUSE-6.1', 'PP-COOLOFF-6M', 'PP-CAT-12', 'PP-MAJOR-MERIT']);
    expect(flag.reasons.every((r) => r.outcome === 'FLAG')).toBe(true);
  });
  it('does not apply to parole', () => {
    const flag = flagOf({ messages: [dossier({ kind: 'PAROLE', basis: 'MAJOR_MERITORIOUS' }), concealing] });
    expect(flag.decision).toBe('BLOCK');
    expect(codes(flag)).not.toContain('PP-MAJOR-MERIT');
  });
  it('does not apply to ordinary merit', () => {
    expect(flagOf({ messages: [dossier({ basis: 'MERITORIOUS' }), concealing] }).decision).toBe('BLOCK');
  });
  it('does not lift the intake block for missing materials', () => {
    const flag = flagOf({
      now: '2026-12-01T10:00:00+08:00',
      messages: [dossier({ basis: 'MAJOR_MERITORIOUS', finances: null }), concealing],
    });
    expect(flag.decision).toBe('BLOCK');
    expect(flag.reasons[0]).toMatchObject({ code: 'PP-MAT-MISSING', outcome: 'BLOCK' });
    expect(codes(flag)).toContain('PP-MAJOR-MERIT');
  });
  it('is not added when nothing was blocked', () => {
    expect(codes(flagOf({ messages: [dossier({ basis: 'MAJOR_MERITORIOUS' }), status()] }))).toEqual(['PP-UNABLE']);
  });
});

describe('after a GRANTED ruling', () => {
  const granted = ruling({ outcome: 'GRANTED', ruledOn: '2027-01-15' });
  const now = '2027-03-01T10:00:00+08:00';
  const later = (conduct: Parameters<typeof status>[0]) =>
    status({ asOf: '2027-02-20T10:00:00+08:00', version: 2, ...conduct });

  it('serious concealment found after the grant calls for revocation', () => {
    const result = run({
      now,
      messages: [
        dossier(),
        granted,
        later({ conduct: [{ code: 'CONCEALS_OR_TRANSFERS_ASSETS', foundOn: '2027-02-10', serious: true }] }),
      ],
    });
    expect(result.flag.decision).toBe('REVOKE');
    expect(codes(result.flag)).toEqual(['PP-REVOKE']);
    expect(result.send).toBe(true);
    expect(result.flag.ruling).toEqual({ outcome: 'GRANTED', ruledOn: '2027-01-15', rulingRef: '(2027)闽08刑更7号' });
  });
  it('a serious false declaration also revokes', () => {
    const flag = run({
      now,
      messages: [
        dossier(),
        granted,
        later({ conduct: [{ code: 'FALSE_DECLARATION', foundOn: '2027-02-10', serious: true }] }),
      ],
    }).flag;
    expect(flag.decision).toBe('REVOKE');
  });
  it('the same finding not marked serious only continues enforcement', () => {
    const flag = run({
      now,
      messages: [
        dossier(),
        granted,
        later({ conduct: [{ code: 'CONCEALS_OR_TRANSFERS_ASSETS', foundOn: '2027-02-10' }] }),
      ],
    }).flag;
    expect(flag.decision).toBe('FLAG');
    expect(codes(flag)).toEqual(['PP-POST-ENFORCE']);
  });
  it('executable assets found after the grant continue enforcement', () => {
    const flag = run({
      now,
      messages: [
        dossier(),
        granted,
        later({ assetSearch: { completedOn: '2027-02-01', executableAssetsFound: true } }),
      ],
    }).flag;
    expect(codes(flag)).toEqual(['PP-POST-ENFORCE']);
  });
  it('findings dated before the grant do not count, and nothing is sent', () => {
    const result = run({
      now,
      messages: [
        dossier(),
        granted,
        later({ conduct: [{ code: 'CONCEALS_OR_TRANSFERS_ASSETS', foundOn: '2027-01-10', serious: true }] }),
      ],
    });
    expect(result.flag.decision).toBe('CLEAR');
    expect(result.flag.reasons).toEqual([]);
    expect(result.send).toBe(false);
  });
});

describe('closing rulings', () => {
  it.each(['DENIED', 'NOT_FILED', 'WITHDRAWN'] as const)(
    '%s closes the application: no flag, no requests',
    (outcome) => {
      const result = run({ messages: [dossier(), ruling({ outcome, ruledOn: '2026-11-21' })] });
      expect(result.send).toBe(false);
      expect(result.verificationNeeds).toEqual([]);
      expect(result.flag.ruling?.outcome).toBe(outcome);
    },
  );
});
