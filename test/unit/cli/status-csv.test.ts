// CSV row → enforcement-status envelope: every column lands in its contract field, lists
// take both forms, and every problem names its column.
import { describe, expect, it } from 'vitest';
import { derivedMessageId, headerProblems, statusFromRow, STATUS_COLUMNS } from '../../../cli/status-csv.ts';
import { identityNumber } from '../../../local/demo/messages.ts';

const personId = identityNumber('350802', '1980-01-01', 123);
const SENT_AT = '2026-11-26T10:00:00+08:00';
const base = {
  judgmentId: '(2019)闽0802刑初123号',
  itemNo: '1',
  personId,
  kind: 'FINE',
  dueFen: '5000000',
  asOf: '2026-11-20T09:30:00+08:00',
  version: '4',
};

describe('statusFromRow', () => {
  it('maps every column to its contract field', () => {
    const result = statusFromRow(
      {
        ...base,
        kind: 'CIVIL_INCIDENTAL',
        enforcementCaseId: '(2020)闽0802执456号',
        payments: 'LY:2021:7:1000000:RELATIVE:2021-03-02; LY2:500:SELF:2021-04-01',
        jointLiabilityGroupId: 'G1',
        jointLiabilityCoObligorsPaidFen: '100',
        instalmentsOverdue: 'false',
        instalmentsNextDueOn: '2026-12-01',
        escrowRef: 'ESC-1',
        escrowAmountFen: '2000',
        escrowOn: '2026-01-02',
        victimWaiverRef: 'W-1',
        victimWaiverOn: '2026-01-03',
        assetSearchCompletedOn: '2020-09-30',
        assetSearchExecutableAssetsFound: 'TRUE',
        assetSearchFoundFen: '30000',
        conduct: 'CONCEALS_OR_TRANSFERS_ASSETS:2025-01-01:2025-02-01:true;HIDES_PROCEEDS_WHEREABOUTS:2025-03-01',
        documents: 'ENFORCEMENT_RULING:(2020)闽0802执456号:之一:2020-10-08',
        inReplyTo: 'vr-1',
      },
      'FJ-LY-XL',
      SENT_AT,
    );
    expect(result).toEqual({
      ok: true,
      message: {
        schema: 'linkage.enforcement-status.v1',
        messageId: derivedMessageId('FJ-LY-XL', base.judgmentId, 1, 4),
        sentAt: SENT_AT,
        sender: { kind: 'ENFORCING_COURT', id: 'FJ-LY-XL' },
        body: {
          judgmentId: base.judgmentId,
          itemNo: 1,
          enforcementCaseId: '(2020)闽0802执456号',
          personId,
          kind: 'CIVIL_INCIDENTAL',
          dueFen: 5000000,
          payments: [
            { receiptNo: 'LY:2021:7', amountFen: 1000000, payer: 'RELATIVE', paidOn: '2021-03-02' },
            { receiptNo: 'LY2', amountFen: 500, payer: 'SELF', paidOn: '2021-04-01' },
          ],
          jointLiability: { groupId: 'G1', coObligorsPaidFen: 100 },
          instalments: { agreed: true, overdue: false, nextDueOn: '2026-12-01' },
          escrow: { ref: 'ESC-1', amountFen: 2000, on: '2026-01-02' },
          victimWaiver: { ref: 'W-1', on: '2026-01-03' },
          assetSearch: { completedOn: '2020-09-30', executableAssetsFound: true, foundFen: 30000 },
          conduct: [
            { code: 'CONCEALS_OR_TRANSFERS_ASSETS', foundOn: '2025-01-01', ceasedOn: '2025-02-01', serious: true },
            { code: 'HIDES_PROCEEDS_WHEREABOUTS', foundOn: '2025-03-01' },
          ],
          documents: [{ type: 'ENFORCEMENT_RULING', ref: '(2020)闽0802执456号:之一', issuedOn: '2020-10-08' }],
          asOf: base.asOf,
          version: 4,
          inReplyTo: 'vr-1',
        },
      },
    });
  });

  it('takes lists as JSON arrays too, and whole-estate confiscation without dueFen', () => {
    const result = statusFromRow(
      {
        ...base,
        kind: 'CONFISCATION',
        dueFen: '',
        wholeEstate: 'true',
        payments: '[{"receiptNo":"R1","amountFen":100,"payer":"SELF","paidOn":"2026-01-02"}]',
        messageId: 'FJ-LY-XL:my-id',
      },
      'FJ-LY-XL',
      SENT_AT,
    );
    expect(result.ok && result.message.body).toMatchObject({
      dueFen: null,
      wholeEstate: true,
      payments: [{ receiptNo: 'R1', amountFen: 100 }],
    });
    expect(result.ok && result.message.messageId).toBe('FJ-LY-XL:my-id');
  });

  it('names the column or contract field of every problem', () => {
    const result = statusFromRow(
      {
        ...base,
        itemNo: 'one',
        assetSearchExecutableAssetsFound: 'yes',
        payments: 'R1:100',
        conduct: 'OBSTRUCTS_ENFORCEMENT:2025-01-01::maybe',
      },
      'FJ-LY-XL',
      SENT_AT,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        'itemNo: "one" is not a whole number',
        'payments entry 1: "R1:100" is not receiptNo:amountFen:payer:paidOn',
        'assetSearchExecutableAssetsFound: "yes" is not true or false',
        'conduct entry 1: serious must be true, false or empty, not "maybe"',
      ],
    });
    const badId = statusFromRow({ ...base, personId: `${personId.slice(0, 17)}Y` }, 'FJ-LY-XL', SENT_AT);
    expect(badId.ok ? [] : badId.problems).toEqual([expect.stringMatching(/^personId: /)]);
    const escrowOnFine = statusFromRow(
      { ...base, escrowRef: 'E', escrowAmountFen: '1', escrowOn: '2026-01-01' },
      'FJ-LY-XL',
      SENT_AT,
    );
    expect(escrowOnFine.ok ? [] : escrowOnFine.problems).toEqual([
      'escrow: applies only to CIVIL_INCIDENTAL and CIVIL_SEPARATE',
    ]);
  });

  it('keeps derived message ids within the contract for long court ids', () => {
    expect(derivedMessageId('A'.repeat(32), 'x', 1, 1)).toMatch(/^[A-Za-z0-9._:-]{1,64}$/);
  });
});

describe('headerProblems', () => {
  it('accepts the documented columns in any order, and the report columns of a rejected file', () => {
    expect(headerProblems(['sourceLine', 'problems', ...Object.keys(STATUS_COLUMNS).reverse()])).toEqual([]);
  });

  it('reports unknown, repeated and missing columns', () => {
    expect(headerProblems(['judgmentId', 'itemNo', 'itemNo', 'personID'])).toEqual([
      'column itemNo appears twice',
      'unknown column "personID"',
      'missing required column personId',
      'missing required column kind',
      'missing required column asOf',
      'missing required column version',
    ]);
  });
});
