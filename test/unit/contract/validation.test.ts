// Invalid messages are rejected with a problem at the right path, and valid edge cases pass.
import { describe, expect, it } from 'vitest';
import { anyMessage, inboundMessage } from '../../../shared/contract/messages.ts';
import { parseMessageText, validate } from '../../../shared/contract/problems.ts';
import { personIdProblem } from '../../../shared/contract/primitives.ts';
import { dossier, personIdFrom, status } from '../../../generators/case.ts';

type Json = Record<string, unknown>;
const problemsFor = (message: unknown) => {
  const result = validate(anyMessage, message);
  return result.ok ? [] : result.problems;
};
const withBody = (message: { body: object }, patch: Json): Json => ({
  ...message,
  body: { ...message.body, ...patch },
});
const paths = (message: unknown) => problemsFor(message).map((p) => p.path);

describe('identity numbers (GB 11643)', () => {
  it('accepts a valid number, including an X check digit', () => {
    expect(personIdProblem('11010519491231002X')).toBeUndefined();
    expect(personIdProblem(personIdFrom('35080219800101123'))).toBeUndefined();
  });
  it('names the expected check digit', () => {
    expect(personIdProblem('350802198001011237')).toBe('check digit is 1, not 7');
  });
  it('rejects impossible birth dates and wrong shapes', () => {
    expect(personIdProblem(personIdFrom('35080219800230123'))).toMatch(/birth date 19800230/);
    expect(personIdProblem('35080219800101123')).toMatch(/18-character/);
    expect(personIdProblem('11010519491231002x')).toMatch(/18-character/);
  });
});

describe('enforcement status', () => {
  it('rejects float money, negative money and a bad check digit, each at its path', () => {
    const bad = withBody(status(), {
      personId: '350802198001011237',
      dueFen: 100.5,
      payments: [{ receiptNo: 'R', amountFen: 0, payer: 'SELF', paidOn: '2021-01-01' }],
    });
    expect(problemsFor(bad)).toEqual([
      { path: 'body.personId', message: 'check digit is 1, not 7' },
      { path: 'body.dueFen', message: 'must be a whole number of fen (1 yuan = 100 fen)' },
      { path: 'body.payments.0.amountFen', message: 'must be a positive whole number of fen' },
    ]);
  });
  it('rejects numbers past 2^53 and impossible dates', () => {
    expect(paths(withBody(status(), { dueFen: 2 ** 53 + 2 }))).toEqual(['body.dueFen']);
    expect(paths(withBody(status(), { asOf: '2026-02-30T10:00:00+08:00' }))).toEqual(['body.asOf']);
    expect(paths(withBody(status(), { asOf: '2026-02-20T10:00:00' }))).toEqual(['body.asOf']);
    expect(paths(withBody(status(), { asOf: '2026-02-20T24:00:00+08:00' }))).toEqual(['body.asOf']);
  });
  it('rejects unknown fields at their own path', () => {
    expect(problemsFor(withBody(status(), { paidFen: 1 }))).toEqual([
      { path: 'body.paidFen', message: 'is not a v1 field' },
    ]);
    expect(paths({ ...status(), extra: true })).toEqual(['extra']);
    expect(paths(JSON.parse('{"__proto__": {"x": 1}, "schema": "linkage.ruling.v1"}'))).toContain('__proto__');
  });
  it('enforces the consistency rules', () => {
    const over = withBody(status(), {
      payments: [{ receiptNo: 'R', amountFen: 4_000_000, payer: 'SELF', paidOn: '2021-01-01' }],
      kind: 'CIVIL_INCIDENTAL',
      escrow: { ref: 'E', amountFen: 1_000_001, on: '2021-01-01' },
    });
    expect(paths(over)).toEqual(['body.payments']);
    const twice = withBody(status(), {
      payments: [
        { receiptNo: 'R', amountFen: 1, payer: 'SELF', paidOn: '2021-01-01' },
        { receiptNo: 'R', amountFen: 1, payer: 'SELF', paidOn: '2021-01-02' },
      ],
    });
    expect(paths(twice)).toEqual(['body.payments.1.receiptNo']);
    expect(paths(withBody(status(), { kind: 'RECOVERY', fineExempted: { rulingRef: 'X', on: '2021-01-01' } }))).toEqual(
      ['body.fineExempted'],
    );
    expect(paths(withBody(status(), { escrow: { ref: 'E', amountFen: 1, on: '2021-01-01' } }))).toEqual([
      'body.escrow',
    ]);
    expect(paths(withBody(status(), { victimWaiver: { ref: 'W', on: '2021-01-01' } }))).toEqual(['body.victimWaiver']);
    expect(
      paths(
        withBody(status(), {
          conduct: [{ code: 'OBSTRUCTS_ENFORCEMENT', foundOn: '2025-02-01', ceasedOn: '2025-01-31' }],
        }),
      ),
    ).toEqual(['body.conduct.0.ceasedOn']);
    expect(paths(withBody(status(), { dueFen: null }))).toEqual(['body.dueFen']);
    expect(paths(withBody(status(), { kind: 'CONFISCATION', dueFen: null, wholeEstate: true, payments: [] }))).toEqual(
      [],
    );
  });
  it('rejects control characters and direction overrides in text', () => {
    expect(paths(withBody(status(), { judgmentId: '(2019)闽0802\u0000刑初123号' }))).toEqual(['body.judgmentId']);
    expect(paths(withBody(status(), { judgmentId: '(2019)\u202E号' }))).toEqual(['body.judgmentId']);
  });
});

describe('envelope', () => {
  it('checks sender kind against the schema and the id and messageId formats', () => {
    expect(paths({ ...status(), sender: { kind: 'PRISON', id: 'FJ-LY-XL' } })).toEqual(['sender.kind']);
    expect(paths({ ...status(), sender: { kind: 'ENFORCING_COURT', id: 'fj-ly' } })).toEqual(['sender.id']);
    expect(paths({ ...status(), messageId: 'x'.repeat(65) })).toEqual(['messageId']);
  });
  it('rejects an unknown schema name at `schema`', () => {
    expect(paths({ ...status(), schema: 'linkage.enforcement-status.v2' })).toEqual(['schema']);
  });
  it('inbound messages exclude the service’s own', () => {
    const flagLike = {
      schema: 'linkage.rejection.v1',
      messageId: 'm',
      sentAt: '2026-01-01T00:00:00Z',
      sender: { kind: 'SERVICE', id: 'LINKAGE' },
      body: { errors: [{ path: '', message: 'x' }], receivedAt: '2026-01-01T00:00:00Z', quarantineRef: 'q' },
    };
    expect(validate(anyMessage, flagLike).ok).toBe(true);
    expect(validate(inboundMessage, flagLike).ok).toBe(false);
  });
  it('reports non-JSON and oversize text as a whole-document problem', () => {
    expect(parseMessageText(anyMessage, '{"schema":')).toMatchObject({ ok: false, problems: [{ path: '' }] });
    expect(parseMessageText(anyMessage, 'x'.repeat(256 * 1024 + 1))).toMatchObject({
      ok: false,
      problems: [{ path: '', message: expect.stringContaining('at most 262144') }],
    });
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseMessageText(anyMessage, deep).ok).toBe(false);
  });
});

describe('reduction dossier', () => {
  it('requires returnedGainsActively outside OTHER', () => {
    expect(problemsFor(withBody(dossier(), { offenceCategory: 'FINANCIAL' }))).toEqual([
      { path: 'body.returnedGainsActively', message: 'is required when offenceCategory is FINANCIAL' },
    ]);
  });
  it('allows a null due amount only for confiscation, and 1 to 24 months of spending', () => {
    const nullFine = withBody(dossier(), {
      judgments: [
        { judgmentId: 'J', enforcingCourtId: 'FJ-LY-XL', items: [{ itemNo: 1, kind: 'FINE', dueFen: null }] },
      ],
    });
    expect(paths(nullFine)).toEqual(['body.judgments.0.items.0.dueFen']);
    const finances = { accountBalanceFen: 0, quotaMonthlyFen: 1, spendingViaOthers: false };
    expect(paths(withBody(dossier(), { finances: { ...finances, monthlySpendFen: [] } }))).toEqual([
      'body.finances.monthlySpendFen',
    ]);
    expect(paths(withBody(dossier(), { finances: { ...finances, monthlySpendFen: Array(25).fill(1) } }))).toEqual([
      'body.finances.monthlySpendFen',
    ]);
  });
  it('rejects duplicate items and judgments', () => {
    const items = [
      { itemNo: 1, kind: 'FINE', dueFen: 1 },
      { itemNo: 1, kind: 'FINE', dueFen: 1 },
    ];
    expect(
      paths(withBody(dossier(), { judgments: [{ judgmentId: 'J', enforcingCourtId: 'FJ-LY-XL', items }] })),
    ).toEqual(['body.judgments.0.items.1.itemNo']);
  });
});
