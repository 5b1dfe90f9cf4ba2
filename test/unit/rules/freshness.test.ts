// PP-STATUS-MISSING, PP-STATUS-STALE and PP-COURT-OVERDUE (Art 13(2)), with the verification
// requests the engine asks for.
import { describe, expect, it } from 'vitest';
import { answers } from '../../../shared/rules/requests.ts';
import { codes, dossier, flagOf, JUDGMENT, request, run, status } from '../../../generators/case.ts';

describe('PP-STATUS-MISSING', () => {
  it('fires for a dossier item no court has reported, and asks that court', () => {
    const result = run({ messages: [dossier()] });
    expect(codes(result.flag)).toEqual(['PP-STATUS-MISSING']);
    expect(result.flag.items[0]).toMatchObject({ state: 'UNKNOWN', asOf: null, version: null });
    expect(result.flag.ability).toBe('NOT_APPLICABLE');
    expect(result.flag.outstandingFen).toBe(0);
    expect(result.verificationNeeds).toEqual([
      { enforcingCourtId: 'FJ-LY-XL', judgmentId: JUDGMENT, itemNos: [1], reason: 'STATUS_MISSING' },
    ]);
  });
  it('does not fire once the status is there', () => {
    expect(run({ messages: [dossier(), status()] }).verificationNeeds).toEqual([]);
  });
});

describe('PP-STATUS-STALE', () => {
  it('fires when the newest status is more than 30 days old', () => {
    const result = run({ messages: [dossier(), status({ asOf: '2026-10-21T09:00:00+08:00' })] });
    expect(codes(result.flag)).toContain('PP-STATUS-STALE');
    expect(result.verificationNeeds).toEqual([
      { enforcingCourtId: 'FJ-LY-XL', judgmentId: JUDGMENT, itemNos: [1], reason: 'STATUS_STALE' },
    ]);
  });
  it('does not fire at 30 days', () => {
    expect(codes(flagOf({ messages: [dossier(), status({ asOf: '2026-10-22T09:00:01+08:00' })] }))).not.toContain(
      'PP-STATUS-STALE',
    );
  });
  it('does not fire for a paid item, however old', () => {
    const paid = status({
      asOf: '2022-01-01T09:00:00+08:00',
      payments: [{ receiptNo: 'R', amountFen: 5_000_000, payer: 'SELF', paidOn: '2021-01-01' }],
    });
    expect(codes(flagOf({ messages: [dossier(), paid] }))).toEqual(['PP-SATISFIED']);
  });
});

describe('PP-COURT-OVERDUE', () => {
  const now = '2026-11-29T10:00:00+08:00';
  it('fires when a request is past due and unanswered', () => {
    const flag = flagOf({ now, messages: [dossier(), request()] });
    expect(codes(flag)).toContain('PP-COURT-OVERDUE');
    expect(codes(flag)).toContain('PP-STATUS-MISSING');
  });
  it('does not fire before the due time', () => {
    expect(codes(flagOf({ now: '2026-11-28T09:00:00+08:00', messages: [dossier(), request()] }))).not.toContain(
      'PP-COURT-OVERDUE',
    );
  });
  it('does not fire when a status answers it by inReplyTo', () => {
    const reply = status({ inReplyTo: 'vr-FJ-P01-2026-0042-1', asOf: '2026-11-27T10:00:00+08:00' });
    expect(codes(flagOf({ now, messages: [dossier(), request(), reply] }))).not.toContain('PP-COURT-OVERDUE');
  });
  it('does not fire when a newer status for that judgment arrived', () => {
    const newer = status({ asOf: '2026-11-22T10:00:00+08:00' });
    expect(codes(flagOf({ now, messages: [dossier(), request(), newer] }))).not.toContain('PP-COURT-OVERDUE');
  });
  it('an older status does not answer it', () => {
    const older = status({ asOf: '2026-11-01T10:00:00+08:00' });
    const flag = flagOf({ now, messages: [dossier(), request(), { ...older, sentAt: '2026-11-01T10:00:00+08:00' }] });
    expect(codes(flag)).toContain('PP-COURT-OVERDUE');
  });
});

describe('which status answers a request', () => {
  const asked = request({ requestedAt: '2026-11-30T09:25:07+08:00' }).body;
  const ahead = status({ asOf: '2026-11-30T12:00:00+08:00' });
  const received = (receivedAt?: string) => ({
    body: ahead.body,
    senderId: ahead.sender.id,
    sentAt: ahead.sentAt,
    ...(receivedAt ? { receivedAt } : {}),
  });

  it('a status dated after the request answers it when nothing says when it arrived (a case file)', () => {
    expect(answers(received(), asked)).toBe(true);
  });
  it('a status the service held before it asked never answers, whatever it claims (issue 9)', () => {
    expect(answers(received('2026-11-30T09:25:06+08:00'), asked)).toBe(false);
    expect(answers(received('2026-11-30T09:25:07+08:00'), asked), 'received in the same second').toBe(false);
  });
  it('a status received after the request, and newer than it, answers it', () => {
    expect(answers(received('2026-11-30T09:25:08+08:00'), asked)).toBe(true);
  });
  it('inReplyTo answers it, whenever received', () => {
    const reply = { ...received('2026-11-30T09:00:00+08:00'), body: { ...ahead.body, inReplyTo: asked.requestId } };
    expect(answers(reply, asked)).toBe(true);
  });
});
