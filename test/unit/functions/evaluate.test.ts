// evaluate with the AWS clients mocked: when a revision is written, what is sent to whom,
// what is recorded in the access table, and how the FIFO batch fails.
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fingerprintOf } from '../../../shared/pipeline/evaluation/fingerprint.ts';
import { messageGroupOf } from '../../../shared/queues/evaluation-requests.ts';
import { evaluate } from '../../../shared/rules/evaluate.ts';
import { DEFAULT_POLICY } from '../../../shared/rules/policy.ts';
import { PERSON_ID, dossier, personIdFrom, request, ruling, status } from '../../../generators/case.ts';
import { conditionalCheckFailed, resetAwsMocks, sentMessages, type AwsMocks } from '../../support/aws-mocks.ts';
import { testTableName, useFunctionEnvironment } from '../../support/function-environment.ts';
import { createContext } from '../../support/lambda-context.ts';
import { createSqsEvent, createSqsRecord } from '../../support/sqs-event.ts';
import { applicationItem, revisionItem, statusItem } from '../../support/stored-items.ts';

useFunctionEnvironment();
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let aws: AwsMocks;
const addMetric = vi.spyOn(Metrics.prototype, 'addMetric');
const addDimension = vi.spyOn(Metrics.prototype, 'addDimension');

const NOW = '2026-11-21T09:00:01+08:00';
const APP = 'FJ-P01-2026-0042';
const FLAG_QUEUES = ['linkage-test-out-FJ-LY-ZY', 'linkage-test-out-FJ-P01', 'linkage-test-out-FJ-JC-P01'];

beforeAll(async () => {
  ({ handler } = await import('../../../functions/evaluate/handler.ts'));
});
beforeEach(() => {
  aws = resetAwsMocks();
  addMetric.mockClear();
  addDimension.mockClear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => vi.useRealTimers());

function holds(...items: Record<string, unknown>[]): void {
  aws.documents.on(QueryCommand).resolves({ Items: items });
}

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

function puts(table: 'decisions' | 'access' | 'cases') {
  return aws.documents
    .commandCalls(PutCommand)
    .map((c) => c.args[0].input)
    .filter((input) => input.TableName === testTableName(table));
}

/** What an update sets (attribute → value) and removes, read back from its expression. */
function changesOf(input: {
  UpdateExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}): { set: Record<string, unknown>; remove: string[] } {
  const names = input.ExpressionAttributeNames ?? {};
  const values = input.ExpressionAttributeValues ?? {};
  const [setPart = '', removePart = ''] = (input.UpdateExpression ?? '').split('REMOVE');
  const set = Object.fromEntries(
    [...setPart.matchAll(/(#\w+) = (:\w+)/g)].map(([, name, value]) => [names[name!], values[value!]]),
  );
  const remove = [...removePart.matchAll(/#\w+/g)].map(([name]) => names[name]!);
  return { set, remove };
}

describe('evaluate', () => {
  it('records the first revision, sends the flag and its copies, records each send, and schedules the next check', async () => {
    holds(applicationItem(dossier()), statusItem(fresh));
    const response = await run(evaluationRecord({ ...TRIGGER, applicationIds: [APP] }));
    expect(response.batchItemFailures).toEqual([]);

    const query = aws.documents.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(query).toMatchObject({
      TableName: testTableName('cases'),
      ConsistentRead: true,
      ExpressionAttributeValues: { ':pk': `P#${PERSON_ID}` },
    });

    const [decision, ...more] = puts('decisions');
    expect(more).toEqual([]);
    expect(decision!.Item).toMatchObject({
      pk: `A#${APP}`,
      sk: 'R#000001',
      revision: 1,
      decision: expected.flag.decision,
      fingerprint: fingerprintOf(expected.flag),
    });
    expect(decision!.Item!.flag).toEqual({ ...expected.flag, revision: 1 });
    expect(decision!.ConditionExpression).toBe('attribute_not_exists(pk)');

    const sent = sentMessages(aws.sqs);
    expect(sent.map((m) => m.queueName)).toEqual(FLAG_QUEUES);
    for (const message of sent) {
      expect(message.body).toMatchObject({
        schema: 'linkage.fulfilment-flag.v1',
        messageId: `LINKAGE:flag:${APP}:r1`,
        sentAt: NOW,
        sender: { kind: 'SERVICE', id: 'LINKAGE' },
      });
      expect(message.body.body).toEqual({ ...expected.flag, revision: 1 });
    }

    const access = puts('access').map((p) => p.Item!);
    expect(access.map((a) => [a.pk, a.sk, a.role, a.revision])).toEqual([
      ['I#FJ-LY-ZY', `${NOW}#LINKAGE:flag:${APP}:r1`, 'HEARING_COURT', 1],
      ['I#FJ-P01', `${NOW}#LINKAGE:flag:${APP}:r1`, 'PRISON', 1],
      ['I#FJ-JC-P01', `${NOW}#LINKAGE:flag:${APP}:r1`, 'PROCURATORATE', 1],
    ]);
    expect(JSON.stringify(access)).not.toContain(PERSON_ID);

    // One write of the application item: the revision, its delivery and the next check together.
    const updates = aws.documents.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(updates).toHaveLength(1);
    const [final] = updates;
    expect(final!.ConditionExpression).toBe('attribute_exists(pk) AND attribute_not_exists(#current)');
    expect(changesOf(final!)).toEqual({
      set: {
        revision: 1,
        fingerprint: fingerprintOf(expected.flag),
        decision: expected.flag.decision,
        evaluatedAt: NOW,
        sentRevision: 1,
        closed: false,
        // The fresh status goes stale 30 days after its asOf: the next check is just after that.
        nextCheckAt: '2026-12-20T16:00:00.000Z',
        dueShard: expect.any(String),
      },
      remove: [],
    });
    // Order of steps: the revision before any send, the application's update after the last.
    const sendCalls = aws.sqs.commandCalls(SendMessageCommand);
    const revisionPut = aws.documents
      .commandCalls(PutCommand)
      .find((c) => c.args[0].input.TableName === testTableName('decisions'))!;
    expect(sendCalls.every((c) => c.calledAfter(revisionPut))).toBe(true);
    expect(sendCalls.every((c) => aws.documents.commandCalls(UpdateCommand)[0]!.calledAfter(c))).toBe(true);
    expect(addDimension).toHaveBeenCalledWith('decision', expected.flag.decision);
  });

  it('writes no revision and sends nothing when neither the decision nor its inputs changed', async () => {
    holds(
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
    // A day later: the evaluation instant differs, the decision and its inputs do not.
    vi.setSystemTime(new Date('2026-11-22T10:00:00+08:00'));
    const response = await run(evaluationRecord(TRIGGER));
    expect(response.batchItemFailures).toEqual([]);
    expect(puts('decisions')).toEqual([]);
    expect(sentMessages(aws.sqs)).toEqual([]);
    expect(aws.documents.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('writes revision 2 when a newer status changes the inputs', async () => {
    const newer = status({ version: 4, payments: [] });
    holds(
      applicationItem(dossier(), { revision: 1, sentRevision: 1, fingerprint: fingerprintOf(expected.flag) }),
      statusItem(newer),
    );
    await run(evaluationRecord(TRIGGER));
    expect(puts('decisions').map((p) => p.Item!.sk)).toEqual(['R#000002']);
    const updates = aws.documents.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.ConditionExpression).toBe('attribute_exists(pk) AND #current = :at');
    expect(updates[0]!.ExpressionAttributeValues![':at']).toBe(1);
    expect(changesOf(updates[0]!).set).toMatchObject({ revision: 2, sentRevision: 2 });
    expect(sentMessages(aws.sqs).map((m) => (m.body.body as { revision: number }).revision)).toEqual([2, 2, 2]);
  });

  it('re-sends a stored revision that a crash left undelivered, without writing a new one', async () => {
    const stored = { ...expected.flag, revision: 2, evaluatedAt: '2026-11-21T08:00:00+08:00' };
    holds(
      applicationItem(dossier(), { revision: 2, sentRevision: 1, fingerprint: fingerprintOf(expected.flag) }),
      statusItem(fresh),
    );
    aws.documents
      .on(GetCommand, { TableName: testTableName('decisions') })
      .resolves({ Item: revisionItem(stored, fingerprintOf(expected.flag)) });
    const response = await run(evaluationRecord(TRIGGER));
    expect(response.batchItemFailures).toEqual([]);
    expect(puts('decisions')).toEqual([]);
    const sent = sentMessages(aws.sqs);
    expect(sent.map((m) => m.queueName)).toEqual(FLAG_QUEUES);
    expect(
      sent.every(
        (m) =>
          m.body.messageId === `LINKAGE:flag:${APP}:r2` &&
          (m.body.body as { evaluatedAt: string }).evaluatedAt === stored.evaluatedAt,
      ),
    ).toBe(true);
    const updates = aws.documents.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.ExpressionAttributeValues![':at']).toBe(2);
    const { set } = changesOf(updates[0]!);
    expect(set.sentRevision).toBe(2);
    expect(set).not.toHaveProperty('revision');
  });

  it('adopts a revision an interrupted run wrote but never committed, then records its own', async () => {
    const orphan = { ...expected.flag, revision: 1, decision: 'FLAG' as const };
    holds(applicationItem(dossier()), statusItem(fresh));
    aws.documents.on(PutCommand).callsFake((input: { TableName: string; Item: { sk: string } }) => {
      if (input.TableName === testTableName('decisions') && input.Item.sk === 'R#000001')
        throw conditionalCheckFailed();
      return {};
    });
    aws.documents
      .on(GetCommand, { TableName: testTableName('decisions') })
      .resolves({ Item: revisionItem(orphan, 'orphan-fingerprint') });
    const response = await run(evaluationRecord(TRIGGER));
    expect(response.batchItemFailures).toEqual([]);
    // Adopting the orphan moves the application to it; revision 1 is marked delivered before
    // revision 2 goes out, so no recipient can get 1 again after 2; the final update carries 2.
    const updates = aws.documents.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(updates.map((u) => changesOf(u).set)).toEqual([
      { revision: 1, fingerprint: 'orphan-fingerprint', decision: 'FLAG', evaluatedAt: orphan.evaluatedAt },
      { sentRevision: 1 },
      expect.objectContaining({ revision: 2, fingerprint: fingerprintOf(expected.flag), sentRevision: 2 }),
    ]);
    expect(updates[0]!.ConditionExpression).toBe('attribute_exists(pk) AND attribute_not_exists(#current)');
    expect(updates[2]!.ExpressionAttributeValues![':at']).toBe(1);
    expect(puts('decisions').map((p) => p.Item!.sk)).toEqual(['R#000001', 'R#000002']);
    expect(sentMessages(aws.sqs).map((m) => (m.body.body as { revision: number }).revision)).toEqual([
      1, 1, 1, 2, 2, 2,
    ]);
  });

  it('sends the copies at once, each after its own access record; one failure fails the record', async () => {
    holds(applicationItem(dossier()), statusItem(fresh));
    aws.documents.on(PutCommand).callsFake((input: { TableName: string; Item: { pk: string } }) => {
      if (input.TableName === testTableName('access') && input.Item.pk === 'I#FJ-P01') throw new Error('throttled');
      return {};
    });
    const response = await run(evaluationRecord(TRIGGER, 'sqs-1'));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-1' }]);
    // No record, no send: the prison gets nothing; the others got theirs after their records.
    const sends = aws.sqs.commandCalls(SendMessageCommand);
    expect(sends.map((c) => c.args[0].input.QueueUrl!.split('/').at(-1)).sort()).toEqual([
      'linkage-test-out-FJ-JC-P01',
      'linkage-test-out-FJ-LY-ZY',
    ]);
    const accessPut = (institutionId: string) =>
      aws.documents
        .commandCalls(PutCommand)
        .find(
          (c) =>
            c.args[0].input.TableName === testTableName('access') && c.args[0].input.Item!.pk === `I#${institutionId}`,
        )!;
    for (const send of sends) {
      const institutionId = send.args[0].input.QueueUrl!.split('linkage-test-out-')[1]!;
      expect(send.calledAfter(accessPut(institutionId))).toBe(true);
    }
    // Not marked delivered: the retry sends revision 1 again (recipients de-duplicate).
    expect(aws.documents.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('asks the enforcing court once for a missing status and schedules the reply deadline', async () => {
    holds(applicationItem(dossier()));
    await run(evaluationRecord(TRIGGER));
    const requests = sentMessages(aws.sqs).filter((m) => m.queueName === 'linkage-test-out-FJ-LY-XL');
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
    const flag = sentMessages(aws.sqs).find((m) => m.queueName === 'linkage-test-out-FJ-LY-ZY')!.body.body as {
      remedies: { code: string; until?: string }[];
      nextChangeAt: string;
    };
    expect(flag.remedies).toContainEqual(expect.objectContaining({ code: 'PP-STATUS-MISSING', until: '2026-11-28' }));
    expect(flag.nextChangeAt).toBe('2026-11-29T00:00:00+08:00');
    const stored = puts('cases').find((p) => String(p.Item!.sk).startsWith('V#'))!;
    expect(stored.Item).toMatchObject({
      pk: `P#${PERSON_ID}`,
      sk: `V#${String(body.requestId)}`,
      enforcingCourtId: 'FJ-LY-XL',
      sent: false,
    });
    expect(puts('access').map((p) => p.Item!.pk)).toContain('I#FJ-LY-XL');
    const schedule = aws.documents
      .commandCalls(UpdateCommand)
      .map((c) => c.args[0].input)
      .at(-1)!;
    // The deadline sweep looks again when the engine says the flag changes: the reply is overdue.
    expect(Object.values(schedule.ExpressionAttributeValues!)).toContain('2026-11-28T16:00:00.000Z');
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
    holds(applicationItem(dossier()), item(open, true), item(unsent, false));
    await run(evaluationRecord(TRIGGER));
    const requests = sentMessages(aws.sqs).filter((m) => m.queueName === 'linkage-test-out-FJ-LY-XL');
    expect(requests.map((m) => m.body.messageId)).toEqual(['LINKAGE:vr:VR-unsent']);
    expect(puts('cases').filter((p) => String(p.Item!.sk).startsWith('V#'))).toEqual([]);
  });

  it('produces no flag for a closed application and takes it off the deadline index', async () => {
    const denied = ruling({ outcome: 'DENIED', ruledOn: '2026-11-20' });
    holds(
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
    expect(puts('decisions')).toEqual([]);
    expect(sentMessages(aws.sqs)).toEqual([]);
    const updates = aws.documents.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(updates).toHaveLength(1);
    expect(changesOf(updates[0]!)).toEqual({ set: { closed: true }, remove: ['nextCheckAt', 'dueShard'] });
    expect(updates[0]!.ExpressionAttributeValues![':at']).toBe(1);
  });

  it('withdraws a request a crash left stored but unsent when a closing ruling came first', async () => {
    const denied = ruling({ outcome: 'DENIED', ruledOn: '2026-11-20' });
    const unsent = request({ requestId: 'VR-unsent', requestedAt: '2026-11-20T09:00:00+08:00' });
    holds(applicationItem(dossier(), { revision: 1, sentRevision: 1, fingerprint: 'r1' }, [denied]), {
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
    expect(sentMessages(aws.sqs)).toEqual([]);
    const withdrawal = aws.documents
      .commandCalls(UpdateCommand)
      .map((c) => c.args[0].input)
      .find((u) => u.Key?.sk === 'V#VR-unsent');
    expect(withdrawal).toBeDefined();
    expect(withdrawal!.ConditionExpression).toBe('attribute_exists(pk) AND #sent = :false');
    expect(changesOf(withdrawal!).set).toEqual({ withdrawnAt: NOW });
    expect(addMetric).toHaveBeenCalledWith('VerificationRequestsWithdrawn', 'Count', 1);
  });

  it('still finishes a revision an interrupted run recorded before the application closed', async () => {
    const denied = ruling({ outcome: 'DENIED', ruledOn: '2026-11-20' });
    const orphan = { ...expected.flag, revision: 2, evaluatedAt: '2026-11-21T08:00:00+08:00' };
    holds(applicationItem(dossier(), { revision: 1, sentRevision: 1, fingerprint: 'r1' }, [denied]));
    aws.documents
      .on(GetCommand, { TableName: testTableName('decisions') })
      .resolves({ Item: revisionItem(orphan, 'orphan-fingerprint') });
    const response = await run(evaluationRecord(TRIGGER));
    expect(response.batchItemFailures).toEqual([]);
    expect(puts('decisions')).toEqual([]);
    // Some recipients may hold revision 2 already: all of them get it, and it is committed.
    expect(sentMessages(aws.sqs).map((m) => [m.queueName, m.body.messageId])).toEqual(
      FLAG_QUEUES.map((queue) => [queue, `LINKAGE:flag:${APP}:r2`]),
    );
    const updates = aws.documents.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.ExpressionAttributeValues![':at']).toBe(1);
    expect(changesOf(updates[0]!).set).toMatchObject({
      revision: 2,
      fingerprint: 'orphan-fingerprint',
      sentRevision: 2,
      closed: true,
    });
  });

  it('fails a malformed request and the rest of its prisoner group, while other prisoners go on', async () => {
    const other = personIdFrom('35080219900202123');
    holds();
    const response = await run(
      evaluationRecord({ personId: '350802198001011230', trigger: 'bad' }, 'sqs-bad'),
      evaluationRecord(TRIGGER, 'sqs-same-group'),
      evaluationRecord({ personId: other, trigger: 'other' }, 'sqs-other-group', other),
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-bad' }, { itemIdentifier: 'sqs-same-group' }]);
    const queried = aws.documents
      .commandCalls(QueryCommand)
      .map((c) => c.args[0].input.ExpressionAttributeValues![':pk']);
    expect(queried).toEqual([`P#${other}`]);
  });

  it('fails the record when a write fails unexpectedly, so SQS retries it', async () => {
    holds(applicationItem(dossier()), statusItem(fresh));
    aws.documents.on(PutCommand).rejects(new Error('ProvisionedThroughputExceeded'));
    const response = await run(evaluationRecord(TRIGGER, 'sqs-1'));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-1' }]);
  });
});
