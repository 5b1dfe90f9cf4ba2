// ingest-ruling on the embedded engines (dynalite, fauxqs): a ruling waits for its dossier,
// attaches to its application when the dossier names this court, is rejected when it names
// another, and is accepted once per (sender, messageId) whatever SQS redelivers.
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERSON_ID, dossier, ruling } from '../../../generators/case.ts';
import { testTableName, useFunctionEnvironment } from '../../support/function-environment.ts';
import { createContext } from '../../support/lambda-context.ts';
import { startTestAws, type TestAws } from '../../support/local-aws.ts';
import { createSqsEvent, createSqsRecord } from '../../support/sqs-event.ts';
import { applicationItem } from '../../support/stored-items.ts';

useFunctionEnvironment();
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let aws: TestAws;

const APP = 'FJ-P01-2026-0042';
const LOOKUP = { pk: `APP#${APP}`, sk: 'APP', applicationId: APP, personId: PERSON_ID, prisonId: 'FJ-P01' };
const EVALUATE_QUEUE = 'linkage-test-evaluate.fifo';
const COURT_QUEUE = 'linkage-test-out-FJ-LY-ZY';

beforeAll(async () => {
  aws = await startTestAws();
  ({ handler } = await import('../../../functions/ingest-ruling/handler.ts'));
}, 30_000);
afterAll(() => aws.stop());
beforeEach(() => aws.reset());

async function run(body: unknown, delivery = 'sqs-1'): Promise<SQSBatchResponse> {
  return handler(
    createSqsEvent([createSqsRecord({ body, queueName: 'linkage-test-in-FJ-LY-ZY', messageId: delivery })]),
    createContext('ingest-ruling'),
  );
}

/** The dossier has arrived: its lookup item and its application. */
async function dossierStored(message = dossier()): Promise<void> {
  await aws.holds('cases', LOOKUP, applicationItem(message));
}

const application = async () => (await aws.items('cases')).find((i) => i.sk === `A#${APP}`);
const waiting = async () => (await aws.items('cases')).filter((i) => i.pk === `APP#${APP}` && i.sk !== 'APP');

describe('ingest-ruling', () => {
  it('keeps a ruling whose dossier has not arrived, without failing or re-evaluating', async () => {
    const message = ruling();
    const response = await run(message);
    expect(response.batchItemFailures).toEqual([]);
    expect(await waiting()).toEqual([
      expect.objectContaining({
        sk: `R#${message.body.rulingRef}`,
        body: message.body,
        senderId: 'FJ-LY-ZY',
        messageId: message.messageId,
      }),
    ]);
    expect(await application()).toBeUndefined();
    expect(await aws.received(EVALUATE_QUEUE)).toEqual([]);
  });

  it('attaches the ruling to the application heard by this court and re-evaluates it', async () => {
    await dossierStored();
    const message = ruling({ outcome: 'DENIED' });
    const response = await run(message);
    expect(response.batchItemFailures).toEqual([]);
    const { rulings } = (await application()) as { rulings: Record<string, unknown> };
    expect(rulings).toEqual({
      [message.body.rulingRef]: expect.objectContaining({ body: message.body, senderId: 'FJ-LY-ZY' }),
    });
    const [queued, ...more] = await aws.received(EVALUATE_QUEUE);
    expect(more).toEqual([]);
    expect(queued!.body).toEqual({
      personId: PERSON_ID,
      applicationIds: [APP],
      trigger: `linkage.ruling.v1:FJ-LY-ZY:${message.messageId}`,
    });
  });

  it('acknowledges the same ruling reference sent again under another message id', async () => {
    await dossierStored();
    const first = ruling({ outcome: 'DENIED' });
    await run(first, 'delivery-1');
    await aws.received(EVALUATE_QUEUE);
    const again = { ...ruling({ outcome: 'GRANTED' }), messageId: 'FJ-LY-ZY:ruling:resent' };
    const response = await run(again, 'delivery-2');
    expect(response.batchItemFailures).toEqual([]);
    expect(await aws.received(EVALUATE_QUEUE)).toEqual([]);
    expect(await aws.received(COURT_QUEUE)).toEqual([]);
    // The first stays as it was received.
    expect(await waiting()).toEqual([expect.objectContaining({ body: first.body, messageId: first.messageId })]);
    const { rulings } = (await application()) as { rulings: Record<string, { body: unknown }> };
    expect(rulings[first.body.rulingRef]!.body).toEqual(first.body);
  });

  it('rejects a ruling on an application whose dossier names another hearing court', async () => {
    await dossierStored(dossier({ hearingCourtId: 'FJ-OTHER-ZY' }));
    const message = ruling();
    const response = await run(message);
    expect(response.batchItemFailures).toEqual([]);
    // Not kept waiting, not attached, not evaluated.
    expect(await waiting()).toEqual([]);
    expect((await application())!.rulings).toEqual({});
    expect(await aws.received(EVALUATE_QUEUE)).toEqual([]);
    const [rejection, ...others] = await aws.received(COURT_QUEUE);
    expect(others).toEqual([]);
    expect((rejection!.body.body as { errors: unknown[] }).errors).toEqual([
      {
        path: 'body.applicationId',
        message: `${APP} is not before FJ-LY-ZY: its dossier names another hearing court`,
      },
    ]);
  });

  it('accepts each (sender, messageId) once: the idempotency key ignores the SQS delivery', async () => {
    const message = ruling();
    await run(message, 'delivery-1');
    await run(message, 'delivery-2');
    const keys = (await aws.items('idempotency')).map((i) => i.id);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^ingest-ruling#[A-Za-z0-9+/]{22}==$/);
    await run({ ...ruling({ rulingRef: '(2026)闽08刑更2号' }), messageId: 'FJ-LY-ZY:ruling:2' });
    const after = (await aws.items('idempotency')).map((i) => i.id);
    expect(after).toHaveLength(2);
    expect(after).toContain(keys[0]);
  });

  it('acknowledges a redelivered ruling the idempotency store already completed, without storing it again', async () => {
    await dossierStored();
    const message = ruling();
    await run(message, 'delivery-1');
    await aws.received(EVALUATE_QUEUE);
    // Forget what was stored: only the idempotency record can stop the redelivery now.
    const [kept] = await waiting();
    await aws.db.send(new DeleteCommand({ TableName: testTableName('cases'), Key: { pk: kept!.pk, sk: kept!.sk } }));
    const response = await run(message, 'delivery-2');
    expect(response.batchItemFailures).toEqual([]);
    expect(await waiting()).toEqual([]);
    expect(await aws.received(EVALUATE_QUEUE)).toEqual([]);
  });
});
