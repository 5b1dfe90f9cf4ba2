// Contract v1.1 through the real queues, tables and handlers: the deadline sweep acts at the
// engine's nextChangeAt (not a second before), a revision goes out only when the flag changed,
// and after a grant a withdrawn finding is corrected by a CLEAR revision (point 15). Time is
// moved with the service clock's local-mode shift, so no test waits for a real day.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCaseHistory } from '../../cli/case-history.ts';
import { flagsIn } from '../../local/demo/outbox.ts';
import type { FulfilmentFlag } from '../../shared/contract/fulfilment-flag.ts';
import type { EnforcementStatusMessage } from '../../shared/contract/messages.ts';
import { CLOCK_SHIFT_VARIABLE, SERVICE_OFFSET_MINUTES, serviceInstant } from '../../shared/pipeline/clock.ts';
import { addDays, addMonths, epochMs, localDate } from '../../shared/time/calendar.ts';
import { dossier, personIdFrom, ruling, status } from '../../generators/case.ts';
import { documentClient, EXTERNAL, startTestService, type TestService } from './harness.ts';

let test: TestService;

beforeAll(async () => {
  test = await startTestService();
});
afterEach(() => {
  delete process.env[CLOCK_SHIFT_VARIABLE];
});
afterAll(async () => {
  await test?.stop();
});

const today = () => localDate(Date.now(), SERVICE_OFFSET_MINUTES);
/** Moves the service's clock so that it reads `instant` now. */
const setServiceClock = (instant: string) => {
  process.env[CLOCK_SHIFT_VARIABLE] = String(epochMs(instant) - Date.now());
};

async function flagsFor(applicationId: string): Promise<FulfilmentFlag[]> {
  return flagsIn(await test.drain('FJ-LY-ZY'))
    .map((m) => m.body)
    .filter((f) => f.applicationId === applicationId);
}

function statusOf(personId: string, version: number, body: Partial<EnforcementStatusMessage['body']>) {
  const message = status({ personId, version, asOf: serviceInstant(Date.now() - 60_000), ...body });
  return { ...message, messageId: `FJ-LY-XL:status:${personId}:v${version}` };
}

describe.skipIf(EXTERNAL)('deadlines owned by the engine', () => {
  it('the sweep re-evaluates at nextChangeAt: BLOCK, paid, then CLEAR the day the cool-off ends', async () => {
    const personId = personIdFrom('35080219750505001');
    const applicationId = 'FJ-P01-2026-0901';
    // The conduct ceased six months before the day after tomorrow: the cool-off ends then.
    const endsOn = addDays(today(), 2);
    const ceasedOn = addMonths(endsOn, -6);
    const conduct = [{ code: 'OBSTRUCTS_ENFORCEMENT' as const, foundOn: addDays(ceasedOn, -90), ceasedOn }];
    const proposal = dossier({
      applicationId,
      prisoner: { prisonerNo: '3508000901', name: '周某', personId },
      submittedAt: serviceInstant(Date.now() - 120_000),
      finances: { ...dossier().body.finances!, accountBalanceFen: 9_000_000 },
    });
    await test.send(statusOf(personId, 1, { payments: [], conduct }));
    await test.send({ ...proposal, messageId: `FJ-P01:dossier:${applicationId}:v1` });
    await test.settle();
    const [blocked] = await flagsFor(applicationId);
    expect(blocked).toMatchObject({ revision: 1, decision: 'BLOCK', earliestClearOn: endsOn });
    expect(blocked!.remedies!.map((r) => r.action)).toEqual(['WAIT', 'PAY', 'JUDGE']);

    // The prisoner pays in full: still BLOCKed by the cool-off, which now alone stands in the way.
    const payment = [{ receiptNo: 'LY-0901', amountFen: 5_000_000, payer: 'SELF' as const, paidOn: today() }];
    await test.send(statusOf(personId, 2, { payments: payment, conduct }));
    await test.settle();
    const [paid] = await flagsFor(applicationId);
    const changeAt = `${endsOn}T00:00:00+08:00`;
    expect(paid).toMatchObject({ revision: 2, decision: 'BLOCK', earliestClearOn: endsOn, nextChangeAt: changeAt });
    expect(paid!.remedies).toEqual([expect.objectContaining({ code: 'PP-COOLOFF-6M', action: 'WAIT', until: endsOn })]);
    const history = await readCaseHistory(documentClient(test), test.service.endpoints.stage, applicationId);
    expect(history!.application.nextCheckAt).toBe(new Date(epochMs(changeAt)).toISOString());

    // One second before: the sweep finds nothing due, and nothing is sent.
    setServiceClock(serviceInstant(epochMs(changeAt) - 1_000));
    await test.service.runner.sweep();
    await test.settle();
    expect(await flagsFor(applicationId)).toEqual([]);

    // At nextChangeAt: the sweep queues it, the engine decides CLEAR, revision 3 goes out.
    setServiceClock(changeAt);
    await test.service.runner.sweep();
    await test.settle();
    const cleared = await flagsFor(applicationId);
    expect(cleared.map((f) => [f.revision, f.decision, f.reasons.map((r) => r.code)])).toEqual([
      [3, 'CLEAR', ['PP-SATISFIED']],
    ]);
    expect(cleared[0]!.remedies).toEqual([]);

    // Swept again with nothing new: the flag did not change, so no revision is sent.
    await test.service.runner.sweep();
    await test.settle();
    expect(await flagsFor(applicationId)).toEqual([]);
  });
});

describe.skipIf(EXTERNAL)('corrections after a grant (point 15)', () => {
  it('grant, REVOKE, the finding withdrawn: a CLEAR revision corrects it, and a repeated CLEAR is not sent', async () => {
    const personId = personIdFrom('35080219760606002');
    const applicationId = 'FJ-P01-2026-0902';
    const paidInFull = [{ receiptNo: 'LY-0902', amountFen: 5_000_000, payer: 'SELF' as const, paidOn: '2025-01-10' }];
    await test.send(statusOf(personId, 1, { payments: paidInFull }));
    await test.send({
      ...dossier({
        applicationId,
        prisoner: { prisonerNo: '3508000902', name: '吴某', personId },
        submittedAt: serviceInstant(Date.now() - 120_000),
      }),
      messageId: `FJ-P01:dossier:${applicationId}:v1`,
    });
    await test.settle();
    const ruledOn = addDays(today(), -1);
    await test.send({
      ...ruling({ applicationId, ruledOn, rulingRef: '(2026)闽08刑更902号' }),
      messageId: 'FJ-LY-ZY:ruling:902',
    });
    await test.settle();
    const serious = [{ code: 'CONCEALS_OR_TRANSFERS_ASSETS' as const, foundOn: today(), serious: true }];
    await test.send(statusOf(personId, 2, { payments: paidInFull, conduct: serious }));
    await test.settle();
    // The enforcing court withdraws the finding: a newer version no longer carries it.
    await test.send(statusOf(personId, 3, { payments: paidInFull }));
    await test.settle();
    // Nothing new after that: a CLEAR that would only repeat the last one is not sent.
    await test.send(statusOf(personId, 4, { payments: paidInFull }));
    await test.settle();

    const flags = await flagsFor(applicationId);
    expect(flags.map((f) => [f.revision, f.decision, f.reasons.map((r) => r.code)])).toEqual([
      [1, 'CLEAR', ['PP-SATISFIED']],
      [2, 'REVOKE', ['PP-REVOKE']],
      [3, 'CLEAR', []],
    ]);
    expect(flags[2]!.ruling).toMatchObject({ outcome: 'GRANTED', ruledOn });
    expect(flags[2]!.inputs.statuses).toEqual({ '(2019)闽0802刑初123号#1': 3 });
  });
});
