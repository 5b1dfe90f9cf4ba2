// evaluate on the embedded engines (dynalite, fauxqs): which revisions the decisions table
// holds, what the application item says afterwards, what each recipient's outbound queue
// received, what the access table recorded, and how the FIFO batch fails. Crashes and
// throttling are faults planted in the handler's own SDK clients.
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fingerprintOf } from '../../../shared/pipeline/evaluation/fingerprint.ts';
import { decodeFlag } from '../../../shared/storage/stored-flag.ts';
import { documentClient, sqsClient } from '../../../shared/pipeline/runtime.ts';
import { messageGroupOf } from '../../../shared/queues/evaluation-requests.ts';
import { evaluate } from '../../../shared/rules/evaluate.ts';
import { DEFAULT_POLICY } from '../../../shared/rules/policy.ts';
import { PERSON_ID, dossier, personIdFrom, request, ruling, status } from '../../../generators/case.ts';
import { clearFaults, injectFault } from '../../support/fault-injection.ts';
import { useFunctionEnvironment } from '../../support/function-environment.ts';
import { createContext } from '../../support/lambda-context.ts';
import { startTestAws, type TestAws } from '../../support/local-aws.ts';
import { createSqsEvent, createSqsRecord } from '../../support/sqs-event.ts';
import { applicationItem, revisionItem, statusItem } from '../../support/stored-items.ts';

useFunctionEnvironment();
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let aws: TestAws;
const addMetric = vi.spyOn(Metrics.prototype, 'addMetric');
const addDimension = vi.spyOn(Metrics.prototype, 'addDimension');

const NOW = '2026-11-21T09:00:01+08:00';
const APP = 'FJ-P01-2026-0042';
const FLAG_QUEUES = ['linkage-test-out-FJ-LY-ZY', 'linkage-test-out-FJ-P01', 'linkage-test-out-FJ-JC-P01'];
const COURT_QUEUE = 'linkage-test-out-FJ-LY-XL';

beforeAll(async () => {
  aws = await startTestAws();
  ({ handler } = await import('../../../functions/evaluate/handler.ts'));
}, 30_000);
afterAll(() => aws.stop());
beforeEach(async () => {
  await aws.reset();
  addMetric.mockClear();
  addDimension.mockClear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => {
  clearFaults(documentClient, sqsClient);
  vi.useRealTimers();
});

const holds = (...items: Record<string, unknown>[]) => aws.holds('cases', ...items);

function evaluationRecord(body: unknown, messageId = 'sqs-1', person = PERSON_ID) {
  return createSqsRecord({
    body,
    queueName: 'linkage-test-evaluate.fifo',
    messageId,
    messageGroupId: messageGroupOf(person),
    deduplicationId: messageId,
  });
}

async function run(...records: ReturnType<typeof evaluationRecord>[]): Promise<SQSBatchResponse> {
  return handler(createSqsEvent(records), createContext('evaluate', 60_000));
}

const TRIGGER = { personId: PERSON_ID, trigger: 'test' };
const fresh = status({ version: 3 });
/** What the engine decides on the default dossier and a fresh status: CLEAR (PP-UNABLE). */
const expected = evaluate(
  {
    dossier: dossier().body,
    firstSubmittedAt: dossier().body.submittedAt,
    statuses: [{ body: fresh.body, senderId: 'FJ-LY-XL', sentAt: fresh.sentAt }],
    rulings: [],
    requests: [],
  },
  DEFAULT_POLICY,
  NOW,
);

/** The application item as the cases table holds it now. */
async function application(applicationId = APP): Promise<Record<string, unknown>> {
  const items = await aws.items('cases');
  return items.find((i) => i.sk === `A#${applicationId}`)!;
}

/** The decisions table's revisions, by sort key. */
async function revisions(): Promise<Record<string, unknown>[]> {
  return (await aws.items('decisions')).sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
}

/** The revision numbers each flag recipient received, queue by queue. */
async function flagRevisions(): Promise<number[][]> {
  const got: number[][] = [];
  for (const queue of FLAG_QUEUES)
    got.push((await aws.received(queue)).map((m) => (m.body.body as { revision: number }).revision));
  return got;
}

async function nothingSent(): Promise<void> {
  for (const queue of [...FLAG_QUEUES, COURT_QUEUE]) expect(await aws.received(queue), queue).toEqual([]);
}

describe('evaluate', () => {
  it('records the first revision, sends the flag and its copies, records each send, and schedules the next check', async () => {
    await holds(applicationItem(dossier()), statusItem(fresh));
    const response = await run(evaluationRecord({ ...TRIGGER, applicationIds: [APP] }));
    expect(response.batchItemFailures).toEqual([]);

    const [decision, ...more] = await revisions();
    expect(more).toEqual([]);
    expect(decision).toMatchObject({
      pk: `A#${APP}`,
      sk: 'R#000001',
      revision: 1,
      decision: expected.flag.decision,
      fingerprint: fingerprintOf(expected.flag),
    });
    expect(decodeFlag(decision!)).toEqual({ ...expected.flag, revision: 1 });

    for (const queue of FLAG_QUEUES) {
      const [message, ...others] = await aws.received(queue);
      expect(others, queue).toEqual([]);
      expect(message!.body).toMatchObject({
        schema: 'linkage.fulfilment-flag.v1',
        messageId: `LINKAGE:flag:${APP}:r1`,
        sentAt: NOW,
        sender: { kind: 'SERVICE', id: 'LINKAGE' },
      });
      expect(message!.body.body).toEqual({ ...expected.flag, revision: 1 });
    }

    // One access record for the delivery, with the hearing court, naming all three recipients.
    const access = await aws.items('access');
    expect(access.map((a) => [a.pk, a.sk, a.role, a.revision, a.recipients])).toEqual([
      [
        'I#FJ-LY-ZY',
        `${NOW}#LINKAGE:flag:${APP}:r1`,
        'HEARING_COURT',
        1,
        [
          { institutionId: 'FJ-LY-ZY', role: 'HEARING_COURT' },
          { institutionId: 'FJ-P01', role: 'PRISON' },
          { institutionId: 'FJ-JC-P01', role: 'PROCURATORATE' },
        ],
      ],
    ]);
    expect(JSON.stringify(access)).not.toContain(PERSON_ID);

    // The application moved to the revision, marked it delivered and scheduled the next check.
    expect(await application()).toMatchObject({
      revision: 1,
      fingerprint: fingerprintOf(expected.flag),
      decision: expected.flag.decision,
      evaluatedAt: NOW,
      sentRevision: 1,
      closed: false,
      // The fresh status goes stale 30 days after its asOf: the next check is just after that.
      nextCheckAt: '2026-12-20T16:00:00.000Z',
      dueShard: expect.any(String),
    });
    expect(addDimension).toHaveBeenCalledWith('decision', expected.flag.decision);
  });

  it('writes no revision and sends nothing when neither the decision nor its inputs changed', async () => {
    await holds(
      applicationItem(dossier(), {
        revision: 1,
        sentRevision: 1,
        fingerprint: fingerprintOf(expected.flag),
        decision: 'CLEAR',
        nextCheckAt: '2026-12-20T16:00:00.000Z',
        dueShard: '1',
      }),
      statusItem(fresh),
    );
    const before = await application();
    // A day later: the evaluation instant differs, the decision and its inputs do not.
    vi.setSystemTime(new Date('2026-11-22T10:00:00+08:00'));
    const response = await run(evaluationRecord(TRIGGER));
    expect(response.batchItemFailures).toEqual([]);
    expect(await revisions()).toEqual([]);
    await nothingSent();
    expect(await application()).toEqual(before);
  });

  it('writes revision 2 when a newer status changes the inputs', async () => {
    const newer = status({ version: 4, payments: [] });
    await holds(
      applicationItem(dossier(), { revision: 1, sentRevision: 1, fingerprint: fingerprintOf(expected.flag) }),
      statusItem(newer),
    );
    await run(evaluationRecord(TRIGGER));
    expect((await revisions()).map((r) => r.sk)).toEqual(['R#000002']);
    expect(await application()).toMatchObject({ revision: 2, sentRevision: 2 });
    expect(await flagRevisions()).toEqual([[2], [2], [2]]);
  });

  it('re-sends a stored revision that a crash left undelivered, without writing a new one', async () => {
    const stored = { ...expected.flag, revision: 2, evaluatedAt: '2026-11-21T08:00:00+08:00' };
    await holds(
      applicationItem(dossier(), { revision: 2, sentRevision: 1, fingerprint: fingerprintOf(expected.flag) }),
      statusItem(fresh),
    );
    await aws.holds('decisions', revisionItem(stored, fingerprintOf(expected.flag)));
    const response = await run(evaluationRecord(TRIGGER));
    expect(response.batchItemFailures).toEqual([]);
    expect((await revisions()).map((r) => r.sk)).toEqual(['R#000002']);
    for (const queue of FLAG_QUEUES) {
      const sent = await aws.received(queue);
      expect(
        sent.map((m) => m.body.messageId),
        queue,
      ).toEqual([`LINKAGE:flag:${APP}:r2`]);
      expect((sent[0]!.body.body as { evaluatedAt: string }).evaluatedAt).toBe(stored.evaluatedAt);
    }
    expect(await application()).toMatchObject({ revision: 2, sentRevision: 2 });
  });

  it('adopts a revision an interrupted run wrote but never committed, then records its own', async () => {
    const orphan = { ...expected.flag, revision: 1, decision: 'FLAG' as const };
    await holds(applicationItem(dossier()), statusItem(fresh));
    await aws.holds('decisions', revisionItem(orphan, 'orphan-fingerprint'));
    const response = await run(evaluationRecord(TRIGGER));
    expect(response.batchItemFailures).toEqual([]);
    // The orphan is kept as written and the run's own flag becomes revision 2.
    const [first, second, ...more] = await revisions();
    expect(more).toEqual([]);
    expect(first).toMatchObject({ sk: 'R#000001', decision: 'FLAG', fingerprint: 'orphan-fingerprint' });
    expect(second).toMatchObject({ sk: 'R#000002', fingerprint: fingerprintOf(expected.flag) });
    // Every recipient gets revision 1 before revision 2, each once.
    expect(await flagRevisions()).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(await application()).toMatchObject({
      revision: 2,
      fingerprint: fingerprintOf(expected.flag),
      sentRevision: 2,
    });
  });

  it('records the revision before sending: a failed record sends nothing and fails the record for a retry', async () => {
    await holds(applicationItem(dossier()), statusItem(fresh));
    injectFault(documentClient, (command, input) =>
      command.startsWith('Put') && input.includes('linkage-test-decisions')
        ? new Error('ProvisionedThroughputExceeded')
        : undefined,
    );
    const response = await run(evaluationRecord(TRIGGER, 'sqs-1'));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-1' }]);
    expect(await revisions()).toEqual([]);
    await nothingSent();
    expect((await application()).revision).toBeUndefined();
  });

  it('sends nothing when the access record cannot be written', async () => {
    await holds(applicationItem(dossier()), statusItem(fresh));
    injectFault(documentClient, (command, input) =>
      command.startsWith('Put') && input.includes('linkage-test-access') ? new Error('throttled') : undefined,
    );
    const response = await run(evaluationRecord(TRIGGER, 'sqs-1'));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-1' }]);
    expect(await flagRevisions()).toEqual([[], [], []]);
    expect(await aws.items('access')).toEqual([]);
    expect((await application()).sentRevision).toBeUndefined();
    clearFaults(documentClient);
    expect((await run(evaluationRecord(TRIGGER, 'sqs-2'))).batchItemFailures).toEqual([]);
    expect(await flagRevisions()).toEqual([[1], [1], [1]]);
    expect(await aws.items('access')).toHaveLength(1);
  });

  it('sends the copies at once after the record; one failed send fails the message and the retry sends again', async () => {
    await holds(applicationItem(dossier()), statusItem(fresh));
    injectFault(sqsClient, (command, input) =>
      command.startsWith('SendMessage') && input.includes('linkage-test-out-FJ-P01"')
        ? new Error('throttled')
        : undefined,
    );
    const response = await run(evaluationRecord(TRIGGER, 'sqs-1'));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-1' }]);
    // The others got theirs; the prison got nothing, and the record names all three.
    expect(await flagRevisions()).toEqual([[1], [], [1]]);
    expect((await aws.items('access')).map((a) => (a.recipients as unknown[]).length)).toEqual([3]);
    // Not marked delivered: the retry sends revision 1 again (recipients de-duplicate).
    expect((await application()).sentRevision).toBeUndefined();
    clearFaults(sqsClient);
    expect((await run(evaluationRecord(TRIGGER, 'sqs-2'))).batchItemFailures).toEqual([]);
    // All three again: the court and procuratorate drop the copy they already have.
    expect(await flagRevisions()).toEqual([[1], [1], [1]]);
    expect(await application()).toMatchObject({ revision: 1, sentRevision: 1 });
  });

  it('asks the enforcing court once for a missing status and schedules the reply deadline', async () => {
    await holds(applicationItem(dossier()));
    await run(evaluationRecord(TRIGGER));
    const requests = await aws.received(COURT_QUEUE);
    expect(requests).toHaveLength(1);
    const body = requests[0]!.body.body as Record<string, unknown>;
    expect(body).toMatchObject({
      applicationId: APP,
      judgmentId: '(2019)闽0802刑初123号',
      itemNos: [1],
      reason: 'STATUS_MISSING',
      requestedAt: NOW,
      // Point 16: the end of the seventh day after the day it was sent.
      dueBy: '2026-11-28T23:59:59+08:00',
    });
    // The request goes out first, so the flag already names the reply's due date.
    const [hearing] = await aws.received('linkage-test-out-FJ-LY-ZY');
    const flag = hearing!.body.body as { remedies: { code: string; until?: string }[]; nextChangeAt: string };
    expect(flag.remedies).toContainEqual(expect.objectContaining({ code: 'PP-STATUS-MISSING', until: '2026-11-28' }));
    expect(flag.nextChangeAt).toBe('2026-11-29T00:00:00+08:00');
    const stored = (await aws.items('cases')).filter((i) => String(i.sk).startsWith('V#'));
    expect(stored).toEqual([
      expect.objectContaining({
        pk: `P#${PERSON_ID}`,
        sk: `V#${String(body.requestId)}`,
        enforcingCourtId: 'FJ-LY-XL',
        sent: true,
      }),
    ]);
    expect((await aws.items('access')).map((a) => a.pk)).toContain('I#FJ-LY-XL');
    // The deadline sweep looks again when the engine says the flag changes: the reply is overdue.
    expect((await application()).nextCheckAt).toBe('2026-11-28T16:00:00.000Z');

    // A second run while the request is open asks nothing more.
    vi.setSystemTime(new Date('2026-11-22T09:00:00+08:00'));
    await run(evaluationRecord(TRIGGER, 'sqs-2'));
    expect(await aws.received(COURT_QUEUE)).toEqual([]);
  });

  it('counts a request whose count failed: the retry sends it again and counts it once', async () => {
    await holds(applicationItem(dossier()));
    // A crash right after the send: the enforcing court's count of requests received fails once.
    let failed = false;
    injectFault(documentClient, (command, input) => {
      if (failed || !command.startsWith('Update') || !input.includes('requestsReceived')) return undefined;
      failed = true;
      return new Error('crash after the send');
    });
    const first = await run(evaluationRecord(TRIGGER));
    expect(first.batchItemFailures).toHaveLength(1);
    expect(failed).toBe(true);

    await run(evaluationRecord(TRIGGER));
    const sent = (await aws.received(COURT_QUEUE)).map((m) => m.body.messageId);
    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(1);
    const counted = (await aws.items('assessment')).filter((i) => i.institutionId === 'FJ-LY-XL');
    expect(counted.reduce((n, i) => n + Number(i.requestsReceived ?? 0), 0)).toBe(1);
    const [stored] = (await aws.items('cases')).filter((i) => String(i.sk).startsWith('V#'));
    expect(stored).toMatchObject({ sent: true });
  });

  it('sends no second request while one is open, and re-sends one a crash left unsent', async () => {
    const open = request({
      requestId: 'VR-open',
      requestedAt: '2026-11-20T09:00:00+08:00',
      dueBy: '2026-11-27T09:00:00+08:00',
    });
    const unsent = request({
      requestId: 'VR-unsent',
      reason: 'MATERIALS_MISSING',
      requestedAt: '2026-11-20T09:00:00+08:00',
      dueBy: '2026-11-27T09:00:00+08:00',
    });
    const item = (r: typeof open, sent: boolean) => ({
      pk: `P#${PERSON_ID}`,
      sk: `V#${r.body.requestId}`,
      body: r.body,
      enforcingCourtId: 'FJ-LY-XL',
      messageId: `LINKAGE:vr:${r.body.requestId}`,
      sent,
    });
    await holds(applicationItem(dossier()), item(open, true), item(unsent, false));
    await run(evaluationRecord(TRIGGER));
    const requests = await aws.received(COURT_QUEUE);
    expect(requests.map((m) => m.body.messageId)).toEqual(['LINKAGE:vr:VR-unsent']);
    const stored = (await aws.items('cases')).filter((i) => String(i.sk).startsWith('V#'));
    expect(stored.map((i) => [i.sk, i.sent]).sort()).toEqual([
      ['V#VR-open', true],
      ['V#VR-unsent', true],
    ]);
  });

  it('produces no flag for a closed application and takes it off the deadline index', async () => {
    const denied = ruling({ outcome: 'DENIED', ruledOn: '2026-11-20' });
    await holds(
      applicationItem(
        dossier(),
        {
          revision: 1,
          sentRevision: 1,
          fingerprint: 'before-the-ruling',
          nextCheckAt: '2026-12-20T16:00:00.000Z',
          dueShard: '1',
        },
        [denied],
      ),
    );
    await run(evaluationRecord(TRIGGER));
    expect(await revisions()).toEqual([]);
    await nothingSent();
    const closed = await application();
    expect(closed).toMatchObject({ closed: true, revision: 1, sentRevision: 1, fingerprint: 'before-the-ruling' });
    expect(closed).not.toHaveProperty('nextCheckAt');
    expect(closed).not.toHaveProperty('dueShard');
  });

  it('withdraws a request a crash left stored but unsent when a closing ruling came first', async () => {
    const denied = ruling({ outcome: 'DENIED', ruledOn: '2026-11-20' });
    const unsent = request({ requestId: 'VR-unsent', requestedAt: '2026-11-20T09:00:00+08:00' });
    await holds(applicationItem(dossier(), { revision: 1, sentRevision: 1, fingerprint: 'r1' }, [denied]), {
      pk: `P#${PERSON_ID}`,
      sk: 'V#VR-unsent',
      body: unsent.body,
      enforcingCourtId: 'FJ-LY-XL',
      messageId: 'LINKAGE:vr:VR-unsent',
      sent: false,
    });
    const response = await run(evaluationRecord(TRIGGER));
    expect(response.batchItemFailures).toEqual([]);
    // Not sent (the question is moot), and not left pending either: explicitly withdrawn.
    await nothingSent();
    const withdrawn = (await aws.items('cases')).find((i) => i.sk === 'V#VR-unsent');
    expect(withdrawn).toMatchObject({ sent: false, withdrawnAt: NOW });
    expect(addMetric).toHaveBeenCalledWith('VerificationRequestsWithdrawn', 'Count', 1);
  });

  it('still finishes a revision an interrupted run recorded before the application closed', async () => {
    const denied = ruling({ outcome: 'DENIED', ruledOn: '2026-11-20' });
    const orphan = { ...expected.flag, revision: 2, evaluatedAt: '2026-11-21T08:00:00+08:00' };
    await holds(applicationItem(dossier(), { revision: 1, sentRevision: 1, fingerprint: 'r1' }, [denied]));
    await aws.holds('decisions', revisionItem(orphan, 'orphan-fingerprint'));
    const response = await run(evaluationRecord(TRIGGER));
    expect(response.batchItemFailures).toEqual([]);
    expect((await revisions()).map((r) => r.sk)).toEqual(['R#000002']);
    // Some recipients may hold revision 2 already: all of them get it, and it is committed.
    expect(await flagRevisions()).toEqual([[2], [2], [2]]);
    expect(await application()).toMatchObject({
      revision: 2,
      fingerprint: 'orphan-fingerprint',
      sentRevision: 2,
      closed: true,
    });
  });

  it('fails a malformed request and the rest of its prisoner group, while other prisoners go on', async () => {
    const other = personIdFrom('35080219900202123');
    const otherApp = 'FJ-P01-2026-0043';
    const otherDossier = dossier({
      applicationId: otherApp,
      prisoner: { ...dossier().body.prisoner, personId: other },
    });
    await holds(
      applicationItem(dossier()),
      statusItem(fresh),
      applicationItem(otherDossier),
      statusItem(status({ version: 3, personId: other })),
    );
    const response = await run(
      evaluationRecord({ personId: '350802198001011230', trigger: 'bad' }, 'sqs-bad'),
      evaluationRecord(TRIGGER, 'sqs-same-group'),
      evaluationRecord({ personId: other, trigger: 'other' }, 'sqs-other-group', other),
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-bad' }, { itemIdentifier: 'sqs-same-group' }]);
    // Only the other prisoner was evaluated.
    expect((await revisions()).map((r) => r.pk)).toEqual([`A#${otherApp}`]);
    expect((await application()).revision).toBeUndefined();
  });
});
