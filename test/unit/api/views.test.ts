// The console's views without a database: masking, what changed between revisions, the
// trigger, and the contract v1.1 fields passed through to the case page when a flag has them.
import { describe, expect, it } from 'vitest';
import { fulfilmentFlagBody } from '../../../shared/contract/fulfilment-flag.ts';
import { storedFlag } from '../../../shared/storage/case-views.ts';
import { maskName, maskPersonId, prisonerFor } from '../../../api/views/masking.ts';
import { changesBetween, parseTrigger } from '../../../api/views/revision-diff.ts';
import { caseDetailOf } from '../../../api/views/case-detail.ts';
import { REGISTRY } from '../../../local/registry.ts';
import { storedApplication } from '../../../shared/storage/records.ts';
import { dossier, flagOf, status, PERSON_ID } from '../../../generators/case.ts';

describe('masking', () => {
  it('keeps the first and last four characters of an identity number, and the surname', () => {
    expect(maskPersonId('350802198001011231')).toBe('3508**********1231');
    expect(maskName('张三丰')).toBe('张**');
    expect(prisonerFor('HEARING_COURT', { prisonerNo: 'N1', name: '张三', personId: PERSON_ID }).masked).toBe(false);
    expect(prisonerFor('ENFORCING_COURT', { prisonerNo: 'N1', name: '张三', personId: PERSON_ID })).toEqual({
      prisonerNo: 'N1',
      name: '张*',
      personId: maskPersonId(PERSON_ID),
      masked: true,
    });
  });
});

describe('revision history', () => {
  it('names the decision, reasons, items and inputs that changed, and the trigger', () => {
    const first = flagOf({ messages: [dossier(), status({ payments: [] })] });
    const paid = flagOf({
      messages: [
        dossier(),
        status({
          version: 2,
          payments: [{ receiptNo: 'R1', amountFen: 5_000_000, payer: 'SELF', paidOn: '2026-11-01' }],
        }),
      ],
    });
    const changes = changesBetween(storedFlag.parse(first), storedFlag.parse({ ...paid, revision: 2 }));
    expect(paid.decision).toBe('CLEAR');
    expect(changes.filter((c) => c.type === 'decision')).toEqual(
      first.decision === 'CLEAR' ? [] : [{ type: 'decision', from: first.decision, to: 'CLEAR' }],
    );
    expect(changes).toContainEqual({ type: 'reasonAdded', code: 'PP-SATISFIED' });
    expect(changes.some((c) => c.type === 'item' && c.field === 'paidFen' && c.to === 5_000_000)).toBe(true);
    expect(changes.some((c) => c.type === 'statusVersion' && c.to === 2)).toBe(true);
    expect(changesBetween(undefined, storedFlag.parse(first))).toEqual([]);
    expect(parseTrigger('linkage.enforcement-status.v1:FJ-LY-XL:FJ-LY-XL:status:1')).toEqual({
      kind: 'message',
      schema: 'linkage.enforcement-status.v1',
      senderId: 'FJ-LY-XL',
      messageId: 'FJ-LY-XL:status:1',
    });
    expect(parseTrigger('deadline:2026-11-21T01:00:00.000Z')).toEqual({
      kind: 'deadline',
      at: '2026-11-21T01:00:00.000Z',
    });
  });
});

describe('case page data', () => {
  const message = dossier();
  const application = storedApplication.parse({
    pk: `P#${PERSON_ID}`,
    sk: `A#${message.body.applicationId}`,
    applicationId: message.body.applicationId,
    dossier: message.body,
    dossierVersion: 1,
    prisonId: 'FJ-P01',
    firstSubmittedAt: message.body.submittedAt,
    rulings: {},
    senderId: 'FJ-P01',
    messageId: message.messageId,
    receivedAt: message.sentAt,
  });
  const flag = flagOf({ messages: [message, status()] });
  const detail = (extra: Record<string, unknown>, kind: 'HEARING_COURT' | 'ENFORCING_COURT' = 'HEARING_COURT') =>
    caseDetailOf({
      principal: {
        username: 'u',
        institutionId: kind === 'HEARING_COURT' ? 'FJ-LY-ZY' : 'FJ-LY-XL',
        kind,
        role: 'JUDGE',
      },
      application,
      prisoner: { statuses: [], applications: [application], requests: [] },
      revisions: [
        {
          revision: 1,
          flag: storedFlag.parse({ ...flag, ...extra }),
          trigger: 'deadline:x',
          recordedAt: flag.evaluatedAt,
        },
      ],
      registry: REGISTRY,
      nowMs: Date.parse('2026-11-21T01:00:00Z'),
    });

  it('passes remedies, earliestClearOn and nextChangeAt through when the flag carries them (contract v1.1)', () => {
    const remedies = [
      { code: 'PP-ABLE-UNPAID', action: 'PAY', party: 'PRISONER', amountFen: 4_000_000, detail: 'pay' },
    ];
    const current = detail({ remedies, earliestClearOn: '2026-11-21', nextChangeAt: null }).current!;
    expect(current.remedies).toEqual(remedies);
    expect(current.earliestClearOn).toBe('2026-11-21');
    expect(current.nextChangeAt).toBeNull();
    // A v1 flag has none of them: the page says the engine has not provided them.
    const v1 = detail({ remedies: undefined, earliestClearOn: undefined, nextChangeAt: undefined }).current!;
    expect('remedies' in v1 || 'earliestClearOn' in v1 || 'nextChangeAt' in v1).toBe(false);
    expect(fulfilmentFlagBody.safeParse(flag).success).toBe(true);
  });

  it('names each item with its enforcing court, and masks the prisoner for an enforcing court', () => {
    expect(detail({}).current!.items[0]!.enforcingCourt).toEqual({
      id: 'FJ-LY-XL',
      name: 'Longyan Xinluo District Court',
      nameZh: '龙岩市新罗区人民法院',
    });
    expect(detail({}).prisoner.masked).toBe(false);
    expect(detail({}, 'ENFORCING_COURT').prisoner.masked).toBe(true);
  });
});
