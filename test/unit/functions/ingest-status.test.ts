// ingest-status with the AWS clients mocked: what it stores, what it queues, what it
// rejects and to whom, and which records it reports as failed.
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { SQSEvent, SQSBatchResponse, Context } from 'aws-lambda';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PERSON_ID, dossier, status } from '../../../generators/case.ts';
import { conditionalCheckFailed, resetAwsMocks, sentMessages, type AwsMocks } from '../../support/aws-mocks.ts';
import { testTableName, useFunctionEnvironment } from '../../support/function-environment.ts';
import { createContext } from '../../support/lambda-context.ts';
import { createSqsEvent, createSqsRecord } from '../../support/sqs-event.ts';

useFunctionEnvironment();
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let aws: AwsMocks;
const addMetric = vi.spyOn(Metrics.prototype, 'addMetric');
const addDimension = vi.spyOn(Metrics.prototype, 'addDimension');

const COURT_QUEUE = 'linkage-test-in-FJ-LY-XL';
const SENT_AT = Date.parse('2026-11-20T02:00:05Z');

beforeAll(async () => {
  ({ handler } = await import('../../../functions/ingest-status/handler.ts'));
});
beforeEach(() => {
  aws = resetAwsMocks();
  addMetric.mockClear();
  addDimension.mockClear();
});
afterEach(() => vi.useRealTimers());

function record(body: unknown, queueName = COURT_QUEUE, messageId?: string) {
  return createSqsRecord({ body, queueName, sentTimestamp: SENT_AT, ...(messageId ? { messageId } : {}) });
}

async function run(...records: ReturnType<typeof record>[]): Promise<SQSBatchResponse> {
  return handler(createSqsEvent(records), createContext('ingest-status'));
}

function metricCalls(name: string): unknown[][] {
  return addMetric.mock.calls.filter((call) => call[0] === name);
}

describe('ingest-status', () => {
  it('stores a valid status with a version guard and asks for re-evaluation of the prisoner', async () => {
    const message = status({ version: 4 });
    const response = await run(record(message));

    expect(response.batchItemFailures).toEqual([]);
    const puts = aws.documents.commandCalls(PutCommand);
    expect(puts).toHaveLength(1);
    const put = puts[0]!.args[0].input;
    expect(put.TableName).toBe(testTableName('cases'));
    expect(put.Item).toMatchObject({
      pk: `P#${PERSON_ID}`,
      sk: `S#${message.body.judgmentId}#1`,
      version: 4,
      senderId: 'FJ-LY-XL',
      messageId: message.messageId,
    });
    expect(put.ConditionExpression).toBe('attribute_not_exists(pk) OR #version < :v');
    expect(put.ExpressionAttributeValues).toEqual({ ':v': 4 });

    const [queued, ...others] = sentMessages(aws.sqs);
    expect(others).toEqual([]);
    expect(queued!.queueName).toBe('linkage-test-evaluate.fifo');
    expect(queued!.body).toEqual({
      personId: PERSON_ID,
      trigger: `linkage.enforcement-status.v1:FJ-LY-XL:${message.messageId}`,
    });
    // Grouped by prisoner, but the group id never carries the identity number.
    expect(queued!.input.MessageGroupId).toMatch(/^[0-9a-f]{64}$/);
    expect(queued!.input.MessageGroupId).not.toContain(PERSON_ID);
    expect(queued!.input.MessageDeduplicationId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps no idempotency record: a redelivery meets its own guarded write and asks for the same evaluation', async () => {
    const message = status();
    await run(record(message, COURT_QUEUE, 'delivery-1'));
    aws.documents.on(PutCommand).rejects(conditionalCheckFailed());
    aws.documents.on(GetCommand).resolves({ Item: { senderId: 'FJ-LY-XL', messageId: message.messageId } });
    const response = await run(record(message, COURT_QUEUE, 'delivery-2'));
    expect(response.batchItemFailures).toEqual([]);
    expect(aws.dynamo.commandCalls(PutItemCommand), 'no idempotency table write').toEqual([]);
    expect(aws.dynamo.commandCalls(GetItemCommand), 'no idempotency table read').toEqual([]);
    const [first, second] = sentMessages(aws.sqs);
    // The same cause: SQS FIFO de-duplicates the second within its window, and an evaluation
    // of unchanged facts sends nothing after it.
    expect(second!.input.MessageDeduplicationId).toBe(first!.input.MessageDeduplicationId);
    expect(metricCalls('StaleOrDuplicate')).toHaveLength(0);
  });

  it('acknowledges an equal or older version as stale: no retry, no re-evaluation', async () => {
    aws.documents.on(PutCommand).rejects(conditionalCheckFailed());
    aws.documents.on(GetCommand).resolves({ Item: { senderId: 'FJ-LY-XL', messageId: 'a-newer-message' } });
    const response = await run(record(status({ version: 2 })));
    expect(response.batchItemFailures).toEqual([]);
    expect(sentMessages(aws.sqs)).toEqual([]);
    expect(metricCalls('StaleOrDuplicate')).toHaveLength(1);
    expect(addDimension).toHaveBeenCalledWith('cause', 'version');
  });

  it('finishes the job when the stored version is its own earlier, interrupted write', async () => {
    const message = status();
    aws.documents.on(PutCommand).rejects(conditionalCheckFailed());
    aws.documents.on(GetCommand).resolves({ Item: { senderId: 'FJ-LY-XL', messageId: message.messageId } });
    const response = await run(record(message));
    expect(response.batchItemFailures).toEqual([]);
    expect(sentMessages(aws.sqs).map((m) => m.queueName)).toEqual(['linkage-test-evaluate.fifo']);
    expect(metricCalls('StaleOrDuplicate')).toHaveLength(0);
  });

  it('rejects invalid JSON: quarantine, a rejection to the queue owner, and the record acknowledged', async () => {
    const raw = '{"schema": "linkage.enforcement-status.v1", "messageId": ';
    const response = await run(record(raw));

    expect(response.batchItemFailures).toEqual([]);
    const quarantined = aws.documents.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.TableName).toBe(testTableName('quarantine'));
    expect(quarantined[0]!.Item).toMatchObject({
      raw,
      queue: COURT_QUEUE,
      queueOwnerId: 'FJ-LY-XL',
      reason: 'invalid-json',
    });

    const [rejection, ...others] = sentMessages(aws.sqs);
    expect(others).toEqual([]);
    expect(rejection!.queueName).toBe('linkage-test-out-FJ-LY-XL');
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
    expect(body.quarantineRef).toBe(quarantined[0]!.Item!.pk);
    expect(body.quarantineRef).toMatch(/^quarantine\/2026-11-20\/FJ-LY-XL\/[0-9a-f]{24}$/);
    expect(body.receivedAt).toBe('2026-11-20T10:00:05+08:00');
    expect(addDimension).toHaveBeenCalledWith('reason', 'invalid-json');
  });

  it('rejects a schema error with the problems by path, naming the rejected message', async () => {
    const message = status({ personId: '350802198001011237', dueFen: 12.5 as unknown as number });
    const response = await run(record(message));

    expect(response.batchItemFailures).toEqual([]);
    const puts = aws.documents.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => p.TableName)).toEqual([testTableName('quarantine')]);
    expect(puts[0]!.Item!.pk).toMatch(
      new RegExp(`^quarantine/2026-11-20/FJ-LY-XL/${message.messageId}\\.[0-9a-f]{8}$`),
    );
    const [rejection] = sentMessages(aws.sqs);
    const body = rejection!.body.body as { rejectedMessageId: string; schema: string; errors: { path: string }[] };
    expect(body.rejectedMessageId).toBe(message.messageId);
    expect(body.schema).toBe('linkage.enforcement-status.v1');
    expect(body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['body.personId', 'body.dueFen']));
    expect(sentMessages(aws.sqs).map((m) => m.queueName)).toEqual(['linkage-test-out-FJ-LY-XL']);
  });

  it('rejects a message claiming another sender, to the queue owner, and counts it as a security event', async () => {
    const forged = status({}, 'FJ-LY-ZP');
    const response = await run(record(forged));

    expect(response.batchItemFailures).toEqual([]);
    expect(aws.documents.commandCalls(PutCommand).map((c) => c.args[0].input.TableName)).toEqual([
      testTableName('quarantine'),
    ]);
    const sent = sentMessages(aws.sqs);
    expect(sent.map((m) => m.queueName)).toEqual(['linkage-test-out-FJ-LY-XL']);
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
    const errors = (sentMessages(aws.sqs)[0]!.body.body as { errors: { path: string; message: string }[] }).errors;
    expect(errors[0]).toEqual({
      path: 'schema',
      message: 'must be linkage.enforcement-status.v1: this queue belongs to FJ-LY-XL (ENFORCING_COURT)',
    });
    expect(errors.filter((e) => e.path === 'schema')).toHaveLength(1);
    expect(metricCalls('SpoofRejected')).toHaveLength(0);
  });

  it('rejects a message over 256 KiB as oversize', async () => {
    const response = await run(record(`{"padding":"${'x'.repeat(270 * 1024)}"}`));
    expect(response.batchItemFailures).toEqual([]);
    expect(addDimension).toHaveBeenCalledWith('reason', 'oversize');
    const quarantined = aws.documents.commandCalls(PutCommand).map((c) => c.args[0].input.Item!);
    expect(quarantined.at(-1)).toMatchObject({ reason: 'oversize', rawBytes: 270 * 1024 + 14 });
  });

  it('reports an unexpected SDK error as a failure of that record only', async () => {
    const good = status({ itemNo: 1 });
    const bad = status({ itemNo: 2 });
    aws.documents.on(PutCommand).callsFake((input: { Item: { sk: string } }) => {
      if (input.Item.sk.endsWith('#2')) throw new Error('throttled');
      return {};
    });
    const response = await run(record(good, COURT_QUEUE, 'sqs-good'), record(bad, COURT_QUEUE, 'sqs-bad'));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-bad' }]);
    expect(sentMessages(aws.sqs)).toHaveLength(1);
  });

  it('fails a record from a queue wired to the wrong function instead of guessing', async () => {
    const response = await run(record(status(), 'linkage-test-in-FJ-P01', 'sqs-prison'));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'sqs-prison' }]);
    expect(sentMessages(aws.sqs)).toEqual([]);
  });
});
