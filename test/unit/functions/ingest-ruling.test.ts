// ingest-ruling with the AWS clients mocked: a ruling waits for its dossier, attaches to its
// application when the dossier names this court, and is rejected when it names another.
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERSON_ID, dossier, ruling } from '../../../generators/case.ts';
import { conditionalCheckFailed, resetAwsMocks, sentMessages, type AwsMocks } from '../../support/aws-mocks.ts';
import { testTableName, useFunctionEnvironment } from '../../support/function-environment.ts';
import { createContext } from '../../support/lambda-context.ts';
import { createSqsEvent, createSqsRecord } from '../../support/sqs-event.ts';

useFunctionEnvironment();
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let aws: AwsMocks;

beforeAll(async () => {
  ({ handler } = await import('../../../functions/ingest-ruling/handler.ts'));
});
beforeEach(() => {
  aws = resetAwsMocks();
});

async function run(body: unknown, delivery = 'sqs-1'): Promise<SQSBatchResponse> {
  return handler(
    createSqsEvent([createSqsRecord({ body, queueName: 'linkage-test-in-FJ-LY-ZY', messageId: delivery })]),
    createContext('ingest-ruling'),
  );
}

const LOOKUP = { pk: 'APP#FJ-P01-2026-0042', sk: 'APP' };

describe('ingest-ruling', () => {
  it('keeps a ruling whose dossier has not arrived, without failing or re-evaluating', async () => {
    const message = ruling();
    const response = await run(message);
    expect(response.batchItemFailures).toEqual([]);
    const [kept] = aws.documents.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(kept!.Item).toMatchObject({
      pk: 'APP#FJ-P01-2026-0042',
      sk: `R#${message.body.rulingRef}`,
      senderId: 'FJ-LY-ZY',
      messageId: message.messageId,
    });
    expect(kept!.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(aws.documents.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sentMessages(aws.sqs)).toEqual([]);
  });

  it('attaches the ruling to the application heard by this court and re-evaluates it', async () => {
    aws.documents
      .on(GetCommand, { Key: LOOKUP })
      .resolves({ Item: { ...LOOKUP, personId: PERSON_ID, prisonId: 'FJ-P01' } });
    const message = ruling({ outcome: 'DENIED' });
    const response = await run(message);
    expect(response.batchItemFailures).toEqual([]);
    const [attach] = aws.documents.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(attach!.Key).toEqual({ pk: `P#${PERSON_ID}`, sk: 'A#FJ-P01-2026-0042' });
    expect(attach!.ExpressionAttributeValues![':court']).toBe('FJ-LY-ZY');
    expect(Object.values(attach!.ExpressionAttributeValues!)).toContainEqual(
      expect.objectContaining({ body: message.body, senderId: 'FJ-LY-ZY' }),
    );
    const [queued] = sentMessages(aws.sqs);
    expect(queued!.body).toEqual({
      personId: PERSON_ID,
      applicationIds: ['FJ-P01-2026-0042'],
      trigger: `linkage.ruling.v1:FJ-LY-ZY:${message.messageId}`,
    });
  });

  it('acknowledges the same ruling reference sent again under another message id', async () => {
    aws.documents.on(PutCommand).rejects(conditionalCheckFailed());
    aws.documents.on(GetCommand).resolves({ Item: { senderId: 'FJ-LY-ZY', messageId: 'an-earlier-message' } });
    const response = await run(ruling());
    expect(response.batchItemFailures).toEqual([]);
    expect(sentMessages(aws.sqs)).toEqual([]);
  });

  it('rejects a ruling on an application whose dossier names another hearing court', async () => {
    aws.documents
      .on(GetCommand, { Key: LOOKUP })
      .resolves({ Item: { ...LOOKUP, personId: PERSON_ID, prisonId: 'FJ-P01' } });
    aws.documents.on(UpdateCommand).rejects(conditionalCheckFailed());
    const other = dossier({ hearingCourtId: 'FJ-OTHER-ZY' }).body;
    aws.documents.on(GetCommand, { Key: { pk: `P#${PERSON_ID}`, sk: 'A#FJ-P01-2026-0042' } }).resolves({
      Item: {
        pk: `P#${PERSON_ID}`,
        sk: 'A#FJ-P01-2026-0042',
        applicationId: 'FJ-P01-2026-0042',
        dossier: other,
        dossierVersion: 1,
        prisonId: 'FJ-P01',
        firstSubmittedAt: other.submittedAt,
        rulings: {},
        senderId: 'FJ-P01',
        messageId: 'd1',
        receivedAt: other.submittedAt,
      },
    });
    const message = ruling();
    const response = await run(message);
    expect(response.batchItemFailures).toEqual([]);
    expect(aws.documents.commandCalls(DeleteCommand)[0]!.args[0].input.Key).toEqual({
      pk: 'APP#FJ-P01-2026-0042',
      sk: `R#${message.body.rulingRef}`,
    });
    const [rejection, ...others] = sentMessages(aws.sqs);
    expect(others).toEqual([]);
    expect(rejection!.queueName).toBe('linkage-test-out-FJ-LY-ZY');
    expect((rejection!.body.body as { errors: unknown[] }).errors).toEqual([
      {
        path: 'body.applicationId',
        message: 'FJ-P01-2026-0042 is not before FJ-LY-ZY: its dossier names another hearing court',
      },
    ]);
  });

  it('accepts each (sender, messageId) once: the idempotency key ignores the SQS delivery', async () => {
    const message = ruling();
    await run(message, 'delivery-1');
    await run(message, 'delivery-2');
    const keys = aws.dynamo.commandCalls(PutItemCommand).map((call) => call.args[0].input.Item!.id!.S);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^ingest-ruling#[A-Za-z0-9+/]{22}==$/);
    expect(keys[1]).toBe(keys[0]);
    expect(aws.dynamo.commandCalls(PutItemCommand)[0]!.args[0].input.TableName).toBe(testTableName('idempotency'));
    await run({ ...ruling({ rulingRef: '(2026)闽08刑更2号' }), messageId: 'FJ-LY-ZY:ruling:2' });
    expect(aws.dynamo.commandCalls(PutItemCommand)[2]!.args[0].input.Item!.id!.S).not.toBe(keys[0]);
  });

  it('acknowledges a redelivered ruling the idempotency store already completed, without storing it again', async () => {
    aws.dynamo.on(PutItemCommand).rejects(conditionalCheckFailed());
    aws.dynamo.on(GetItemCommand).resolves({
      Item: marshall({
        id: 'x',
        status: 'COMPLETED',
        expiration: Math.floor(Date.now() / 1000) + 3600,
        data: { result: 'waiting' },
      }),
    });
    const response = await run(ruling());
    expect(response.batchItemFailures).toEqual([]);
    expect(aws.documents.commandCalls(PutCommand)).toHaveLength(0);
    expect(sentMessages(aws.sqs)).toEqual([]);
  });
});
