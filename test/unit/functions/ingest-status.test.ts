// ingest-status on the embedded engines (dynalite, fauxqs): what the cases table holds, what
// is queued for evaluation, what is quarantined and rejected to whom, and which records the
// handler reports as failed.
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { SQSEvent, SQSBatchResponse, Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PERSON_ID, dossier, status } from '../../../generators/case.ts';
import { documentClient } from '../../../shared/pipeline/runtime.ts';
import { clearFaults, injectFault } from '../../support/fault-injection.ts';
import { useFunctionEnvironment } from '../../support/function-environment.ts';
import { createContext } from '../../support/lambda-context.ts';
import { startTestAws, type TestAws } from '../../support/local-aws.ts';
import { createSqsEvent, createSqsRecord } from '../../support/sqs-event.ts';
import { statusItem } from '../../support/stored-items.ts';

useFunctionEnvironment();
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let aws: TestAws;
const addMetric = vi.spyOn(Metrics.prototype, 'addMetric');
const addDimension = vi.spyOn(Metrics.prototype, 'addDimension');

const COURT_QUEUE = 'linkage-test-in-FJ-LY-XL';
const COURT_OUTBOUND = 'linkage-test-out-FJ-LY-XL';
const EVALUATE_QUEUE = 'linkage-test-evaluate.fifo';
const SENT_AT = Date.parse('2026-11-20T02:00:05Z');

beforeAll(async () => {
  aws = await startTestAws();
  ({ handler } = await import('../../../functions/ingest-status/handler.ts'));
}, 30_000);
afterAll(() => aws.stop());
beforeEach(async () => {
  await aws.reset();
  addMetric.mockClear();
  addDimension.mockClear();
});
afterEach(() => {
  clearFaults(documentClient);
  vi.useRealTimers();
});

function record(body: unknown, queueName = COURT_QUEUE, messageId?: string) {
  return createSqsRecord({ body, queueName, sentTimestamp: SENT_AT, ...(messageId ? { messageId } : {}) });
}

async function run(...records: ReturnType<typeof record>[]): Promise<SQSBatchResponse> {
  return handler(createSqsEvent(records), createContext('ingest-status'));
}

function metricCalls(name: string): unknown[][] {
  return addMetric.mock.calls.filter((call) => call[0] === name);
}

const statuses = async () => (await aws.items('cases')).filter((i) => String(i.sk).startsWith('S#'));

describe('ingest-status', () => {
  it('stores a valid status and asks for re-evaluation of the prisoner', async () => {
    const message = status({ version: 4 });
    const response = await run(record(message));

    expect(response.batchItemFailures).toEqual([]);
    expect(await statuses()).toEqual([
      expect.objectContaining({
        pk: `P#${PERSON_ID}`,
        sk: `S#${message.body.judgmentId}#1`,
        body: message.body,
        version: 4,
        senderId: 'FJ-LY-XL',
        messageId: message.messageId,
      }),
    ]);

    const [queued, ...others] = await aws.received(EVALUATE_QUEUE);
    expect(others).toEqual([]);
    expect(queued!.body).toEqual({
      personId: PERSON_ID,
      trigger: `linkage.enforcement-status.v1:FJ-LY-XL:${message.messageId}`,
    });
    // Grouped by prisoner, but the group id never carries the identity number.
    expect(queued!.groupId).toMatch(/^[0-9a-f]{64}$/);
    expect(queued!.groupId).not.toContain(PERSON_ID);
    expect(queued!.deduplicationId).toMatch(/^[0-9a-f]{64}$/);
    expect(await aws.received(COURT_OUTBOUND)).toEqual([]);
  });

  it('keeps no idempotency record: a redelivery meets its own guarded write and asks for the same evaluation', async () => {
    const message = status();
    await run(record(message, COURT_QUEUE, 'delivery-1'));
    const [first] = await aws.received(EVALUATE_QUEUE);
    const response = await run(record(message, COURT_QUEUE, 'delivery-2'));
    expect(response.batchItemFailures).toEqual([]);
    expect(await aws.items('idempotency'), 'no idempotency record').toEqual([]);
    expect(await statuses()).toHaveLength(1);
    // The same cause, so the same de-duplication id: the FIFO queue drops the second within its
    // window (and an evaluation of unchanged facts would send nothing after it anyway).
    expect(first!.deduplicationId).toMatch(/^[0-9a-f]{64}$/);
    expect(await aws.received(EVALUATE_QUEUE)).toEqual([]);
    expect(metricCalls('StaleOrDuplicate')).toHaveLength(0);
  });

  it('acknowledges an equal or older version as stale: no overwrite, no retry, no re-evaluation', async () => {
    const stored = status({ version: 3 });
    await run(record(stored));
    await aws.received(EVALUATE_QUEUE);
    for (const stale of [status({ version: 2 }), { ...status({ version: 3 }), messageId: 'FJ-LY-XL:status:other' }]) {
      addMetric.mockClear();
      const response = await run(record(stale));
      expect(response.batchItemFailures).toEqual([]);
      expect(await aws.received(EVALUATE_QUEUE)).toEqual([]);
      expect(metricCalls('StaleOrDuplicate')).toHaveLength(1);
      expect(addDimension).toHaveBeenCalledWith('cause', 'version');
    }
    expect(await statuses()).toEqual([expect.objectContaining({ version: 3, messageId: stored.messageId })]);
  });

  it('finishes the job when the stored version is its own earlier, interrupted write', async () => {
    const message = status();
    // The write went through, then the run died before queueing the evaluation.
    await aws.holds('cases', statusItem(message));
    const response = await run(record(message));
    expect(response.batchItemFailures).toEqual([]);
    expect((await aws.received(EVALUATE_QUEUE)).map((m) => m.queueName)).toEqual([EVALUATE_QUEUE]);
    expect(metricCalls('StaleOrDuplicate')).toHaveLength(0);
  });

  it('rejects invalid JSON: quarantine, a rejection to the queue owner, and the record acknowledged', async () => {
    const raw = '{"schema": "linkage.enforcement-status.v1", "messageId": ';
    const response = await run(record(raw));

    expect(response.batchItemFailures).toEqual([]);
    const quarantined = await aws.items('quarantine');
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({
      raw,
      queue: COURT_QUEUE,
      queueOwnerId: 'FJ-LY-XL',
      reason: 'invalid-json',
    });

    const [rejection, ...others] = await aws.received(COURT_OUTBOUND);
    expect(others).toEqual([]);
    expect(rejection!.body).toMatchObject({
      schema: 'linkage.rejection.v1',
      sender: { kind: 'SERVICE', id: 'LINKAGE' },
    });
    const body = rejection!.body.body as {
      errors: { path: string; message: string }[];
      quarantineRef: string;
      receivedAt: string;
    };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.message).toMatch(/not valid JSON/);
    expect(body.quarantineRef).toBe(quarantined[0]!.pk);
    expect(body.quarantineRef).toMatch(/^quarantine\/2026-11-20\/FJ-LY-XL\/[0-9a-f]{24}$/);
    expect(body.receivedAt).toBe('2026-11-20T10:00:05+08:00');
    expect(addDimension).toHaveBeenCalledWith('reason', 'invalid-json');
    expect(await aws.items('cases')).toEqual([]);
    expect(await aws.received(EVALUATE_QUEUE)).toEqual([]);
  });

  it('rejects a schema error with the problems by path, naming the rejected message', async () => {
    const message = status({ personId: '350802198001011237', dueFen: 12.5 as unknown as number });
    const response = await run(record(message));

    expect(response.batchItemFailures).toEqual([]);
    const quarantined = await aws.items('quarantine');
    expect(quarantined.map((q) => q.pk)).toEqual([
      expect.stringMatching(new RegExp(`^quarantine/2026-11-20/FJ-LY-XL/${message.messageId}\\.[0-9a-f]{8}$`)),
    ]);
    expect(await aws.items('cases')).toEqual([]);
    const [rejection, ...others] = await aws.received(COURT_OUTBOUND);
    expect(others).toEqual([]);
    const body = rejection!.body.body as { rejectedMessageId: string; schema: string; errors: { path: string }[] };
    expect(body.rejectedMessageId).toBe(message.messageId);
    expect(body.schema).toBe('linkage.enforcement-status.v1');
    expect(body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['body.personId', 'body.dueFen']));
  });

  it('rejects a message claiming another sender, to the queue owner, and counts it as a security event', async () => {
    const forged = status({}, 'FJ-LY-ZP');
    const response = await run(record(forged));

    expect(response.batchItemFailures).toEqual([]);
    expect(await aws.items('quarantine')).toHaveLength(1);
    expect(await aws.items('cases')).toEqual([]);
    expect(await aws.received('linkage-test-out-FJ-LY-ZP')).toEqual([]);
    const sent = await aws.received(COURT_OUTBOUND);
    expect(sent).toHaveLength(1);
    const errors = (sent[0]!.body.body as { errors: { path: string; message: string }[] }).errors;
    expect(errors).toEqual([
      { path: 'sender.id', message: 'must be FJ-LY-XL: this queue belongs to FJ-LY-XL (ENFORCING_COURT)' },
    ]);
    expect(metricCalls('SpoofRejected')).toHaveLength(1);
    expect(addDimension).toHaveBeenCalledWith('reason', 'sender-mismatch');
  });

  it('rejects a message of a schema the queue owner does not send', async () => {
    const response = await run(record({ ...dossier(), sender: { kind: 'ENFORCING_COURT', id: 'FJ-LY-XL' } }));
    expect(response.batchItemFailures).toEqual([]);
    const [rejection] = await aws.received(COURT_OUTBOUND);
    const errors = (rejection!.body.body as { errors: { path: string; message: string }[] }).errors;
    expect(errors[0]).toEqual({
      path: 'schema',
      message: 'must be linkage.enforcement-status.v1: this queue belongs to FJ-LY-XL (ENFORCING_COURT)',
    });
    expect(errors.filter((e) => e.path === 'schema')).toHaveLength(1);
    expect(metricCalls('SpoofRejected')).toHaveLength(0);
    expect(await aws.items('cases')).toEqual([]);
  });

  it('rejects a message over 256 KiB as oversize', async () => {
    const response = await run(record(`{"padding":"${'x'.repeat(270 * 1024)}"}`));
    expect(response.batchItemFailures).toEqual([]);
    expect(addDimension).toHaveBeenCalledWith('reason', 'oversize');
    expect(await aws.items('quarantine')).toEqual([
      expect.objectContaining({ reason: 'oversize', rawBytes: 270 * 1024 + 14 }),
    ]);
    expect(await aws.received(COURT_OUTBOUND)).toHaveLength(1);
  });

  it('reports an unexpected SDK error as a failure of that record only', async () => {
    const good = status({ itemNo: 1 });
    const bad = status({ itemNo: 2 });
    injectFault(documentClient, (command, input) =>
      command.startsWith('Put') && input.includes(`#2"`) ? new Error('throttled') : undefined,
    );
    const response = await run(record(good, COURT_QUEUE, 'sqs-good'), record(bad, COURT_QUEUE, 'sqs-bad'));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-bad' }]);
    expect((await statuses()).map((s) => s.sk)).toEqual([`S#${good.body.judgmentId}#1`]);
    expect(await aws.received(EVALUATE_QUEUE)).toHaveLength(1);
  });

  it('fails a record from a queue wired to the wrong function instead of guessing', async () => {
    const response = await run(record(status(), 'linkage-test-in-FJ-P01', 'sqs-prison'));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-prison' }]);
    expect(await aws.items('cases')).toEqual([]);
    // Kept as a failure of that message, for the operators.
    expect(await aws.items('quarantine')).toEqual([
      expect.objectContaining({ pk: 'failure#linkage-test-in-FJ-P01#sqs-prison', functionName: 'ingest-status' }),
    ]);
    for (const queue of [EVALUATE_QUEUE, COURT_OUTBOUND, 'linkage-test-out-FJ-P01'])
      expect(await aws.received(queue)).toEqual([]);
  });
});
