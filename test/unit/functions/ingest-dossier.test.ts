// ingest-dossier with the AWS clients mocked: the application is claimed for its prisoner
// and prison, the dossier stored without touching the evaluation state, waiting rulings
// attached, and references to unregistered institutions rejected.
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERSON_ID, dossier, personIdFrom, ruling } from '../../../generators/case.ts';
import { conditionalCheckFailed, resetAwsMocks, sentMessages, type AwsMocks } from '../../support/aws-mocks.ts';
import { testTableName, useFunctionEnvironment } from '../../support/function-environment.ts';
import { createContext } from '../../support/lambda-context.ts';
import { createSqsEvent, createSqsRecord } from '../../support/sqs-event.ts';

useFunctionEnvironment();
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let aws: AwsMocks;

beforeAll(async () => {
  ({ handler } = await import('../../../functions/ingest-dossier/handler.ts'));
});
beforeEach(() => {
  aws = resetAwsMocks();
});

async function run(body: unknown, queueName = 'linkage-test-in-FJ-P01'): Promise<SQSBatchResponse> {
  return handler(
    createSqsEvent([createSqsRecord({ body, queueName, messageId: 'sqs-1' })]),
    createContext('ingest-dossier'),
  );
}

function rejectionErrors(): { path: string; message: string }[] {
  const [rejection] = sentMessages(aws.sqs);
  expect(rejection!.queueName).toBe('linkage-test-out-FJ-P01');
  return (rejection!.body.body as { errors: { path: string; message: string }[] }).errors;
}

describe('ingest-dossier', () => {
  it('claims the application, stores the newest dossier and asks for its re-evaluation', async () => {
    const message = dossier({ version: 2 });
    const response = await run(message);
    expect(response.batchItemFailures).toEqual([]);

    const claim = aws.documents.commandCalls(PutCommand)[0]!.args[0].input;
    expect(claim.Item).toEqual({
      pk: 'APP#FJ-P01-2026-0042',
      sk: 'APP',
      applicationId: 'FJ-P01-2026-0042',
      personId: PERSON_ID,
      prisonId: 'FJ-P01',
    });
    expect(claim.ConditionExpression).toBe('attribute_not_exists(pk) OR (personId = :person AND prisonId = :prison)');

    const [store] = aws.documents.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(store!.TableName).toBe(testTableName('cases'));
    expect(store!.Key).toEqual({ pk: `P#${PERSON_ID}`, sk: 'A#FJ-P01-2026-0042' });
    expect(store!.ConditionExpression).toBe('attribute_not_exists(pk) OR #storedVersion < :newVersion');
    expect(store!.ExpressionAttributeValues![':newVersion']).toBe(2);
    const setNames = Object.values(store!.ExpressionAttributeNames!);
    expect(setNames).toEqual(
      expect.arrayContaining(['dossier', 'dossierVersion', 'prisonId', 'firstSubmittedAt', 'rulings']),
    );
    // The evaluation state on the same item is never written by ingest.
    for (const owned of ['revision', 'fingerprint', 'sentRevision', 'nextCheckAt'])
      expect(setNames).not.toContain(owned);
    expect(store!.UpdateExpression).toMatch(/#n\d+ = if_not_exists\(#n\d+, :v\d+\)/);

    const [queued] = sentMessages(aws.sqs);
    expect(queued!.queueName).toBe('linkage-test-evaluate.fifo');
    expect(queued!.body).toEqual({
      personId: PERSON_ID,
      applicationIds: ['FJ-P01-2026-0042'],
      trigger: `linkage.reduction-dossier.v1:FJ-P01:${message.messageId}`,
    });
  });

  it('attaches rulings from the hearing court that arrived before the dossier', async () => {
    const early = ruling({ outcome: 'WITHDRAWN' });
    const stranger = { ...ruling({ rulingRef: 'other-court-ref' }), sender: { kind: 'HEARING_COURT', id: 'FJ-XX-ZY' } };
    aws.documents.on(QueryCommand).resolves({
      Items: [
        {
          pk: 'APP#FJ-P01-2026-0042',
          sk: `R#${early.body.rulingRef}`,
          body: early.body,
          senderId: 'FJ-LY-ZY',
          messageId: early.messageId,
          receivedAt: '2027-01-15T16:00:00+08:00',
        },
        {
          pk: 'APP#FJ-P01-2026-0042',
          sk: 'R#other-court-ref',
          body: stranger.body,
          senderId: 'FJ-XX-ZY',
          messageId: 'm',
          receivedAt: '2027-01-15T16:00:00+08:00',
        },
      ],
    });
    const response = await run(dossier());
    expect(response.batchItemFailures).toEqual([]);
    const updates = aws.documents.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(updates).toHaveLength(2);
    const attach = updates[1]!;
    expect(attach.ConditionExpression).toBe('attribute_exists(pk) AND #dossier.#court = :court');
    expect(attach.ExpressionAttributeValues![':court']).toBe('FJ-LY-ZY');
    expect(Object.values(attach.ExpressionAttributeNames!)).toEqual(
      expect.arrayContaining(['rulings', early.body.rulingRef]),
    );
    expect(Object.values(attach.ExpressionAttributeNames!)).not.toContain('other-court-ref');
  });

  it('acknowledges an older dossier version without re-evaluating', async () => {
    aws.documents.on(UpdateCommand).rejects(conditionalCheckFailed());
    aws.documents.on(GetCommand).resolves({ Item: { senderId: 'FJ-P01', messageId: 'FJ-P01:dossier:v3' } });
    const response = await run(dossier({ version: 2 }));
    expect(response.batchItemFailures).toEqual([]);
    expect(sentMessages(aws.sqs)).toEqual([]);
    expect(aws.documents.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('rejects a dossier naming courts that are not in the registry, with the fields named', async () => {
    const message = dossier({
      hearingCourtId: 'FJ-LY-XL',
      judgments: [
        {
          judgmentId: '(2019)闽0802刑初123号',
          enforcingCourtId: 'FJ-NOWHERE',
          items: [{ itemNo: 1, kind: 'FINE', dueFen: 100 }],
        },
      ],
    });
    const response = await run(message);
    expect(response.batchItemFailures).toEqual([]);
    expect(rejectionErrors()).toEqual([
      { path: 'body.hearingCourtId', message: 'FJ-LY-XL is not a hearing court in the institutions registry' },
      {
        path: 'body.judgments.0.enforcingCourtId',
        message: 'FJ-NOWHERE is not an enforcing court in the institutions registry',
      },
    ]);
    expect(aws.documents.commandCalls(PutCommand).map((c) => c.args[0].input.TableName)).toEqual([
      testTableName('quarantine'),
    ]);
    expect(aws.documents.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('rejects a later version about another prisoner instead of splitting the application', async () => {
    aws.documents.on(PutCommand, { TableName: testTableName('cases') }).rejects(conditionalCheckFailed());
    aws.documents.on(GetCommand).resolves({ Item: { personId: PERSON_ID, prisonId: 'FJ-P01' } });
    const other = personIdFrom('35080219900202123');
    const response = await run(
      dossier({ version: 2, prisoner: { prisonerNo: '3508001234', name: '张某', personId: other } }),
    );
    expect(response.batchItemFailures).toEqual([]);
    expect(rejectionErrors()).toEqual([
      { path: 'body.prisoner.personId', message: 'differs from the prisoner of earlier versions of FJ-P01-2026-0042' },
    ]);
    expect(aws.documents.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('rejects an applicationId another prison already uses', async () => {
    aws.documents.on(PutCommand, { TableName: testTableName('cases') }).rejects(conditionalCheckFailed());
    aws.documents.on(GetCommand).resolves({ Item: { personId: PERSON_ID, prisonId: 'FJ-P02' } });
    const response = await run(dossier());
    expect(rejectionErrors()).toEqual([
      { path: 'body.applicationId', message: 'FJ-P01-2026-0042 is already a proposal of another prison' },
    ]);
    expect(response.batchItemFailures).toEqual([]);
  });
});
