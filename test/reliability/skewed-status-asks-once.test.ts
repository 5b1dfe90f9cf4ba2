// Issue 9, without randomness: the fault runs of seed 1580497285 (and others, depending on the
// time of day CI ran) asked one enforcing court up to nine times for one need. The mechanism: a
// status the service already held claimed a time later than the evaluation (the generator dates
// some snapshots "today, 10:00" +08:00, like a court whose clock runs ahead), so it "answered"
// each new request the moment it was made, the request was no longer open, and every later
// evaluation of the application asked again under a new id. Here a dossier names two items of
// one judgment, the court reports only the first with such a date, and the dossier is sent again
// twice: three evaluations, one need (the second item's status), one request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationRequest } from '../../shared/contract/verification-request.ts';
import { serviceInstant } from '../../shared/pipeline/clock.ts';
import { dossier, JUDGMENT, status } from '../../generators/case.ts';
import { ReliabilityService } from './support/service.ts';

const APPLICATION = 'FJ-P01-2026-0909';
let service: ReliabilityService | undefined;

beforeAll(async () => {
  service = await ReliabilityService.start({ logLevel: 'SILENT' });
});

afterAll(async () => {
  await service?.stop();
});

describe('a status dated after the evaluation', () => {
  it('does not answer the request the service makes after storing it: one need, one request', async () => {
    const svc = service!;
    const aheadOfUs = serviceInstant(Date.now() + 3 * 3600_000);
    const reported = status({ itemNo: 1, dueFen: 5_000_000, asOf: aheadOfUs, version: 1 });
    await svc.send('FJ-LY-XL', JSON.stringify({ ...reported, messageId: 'FJ-LY-XL:status:0909:1:v1' }));
    await svc.settle(60_000);

    const items = [
      { itemNo: 1, kind: 'FINE' as const, dueFen: 5_000_000 },
      { itemNo: 2, kind: 'RESTITUTION' as const, dueFen: 800_000 },
    ];
    for (const version of [1, 2, 3]) {
      const proposal = dossier({
        applicationId: APPLICATION,
        judgments: [{ judgmentId: JUDGMENT, enforcingCourtId: 'FJ-LY-XL', items }],
        version,
      });
      await svc.send('FJ-P01', JSON.stringify(proposal));
      await svc.settle(60_000);
    }

    const requests = (await svc.scan('cases'))
      .filter((item) => String(item.sk).startsWith('V#'))
      .map((item) => item.body as VerificationRequest)
      .filter((body) => body.applicationId === APPLICATION);
    const received = (await svc.drain('FJ-LY-XL')).filter(
      (m) => m.message.schema === 'linkage.verification-request.v1',
    );
    expect(requests.map((r) => [r.judgmentId, r.reason, r.itemNos])).toEqual([[JUDGMENT, 'STATUS_MISSING', [2]]]);
    expect(new Set(received.map((m) => m.message.messageId)).size).toBe(1);
    expect(await svc.deadLetters()).toEqual([]);
  });
});
