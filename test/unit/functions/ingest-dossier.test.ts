// ingest-dossier on the embedded engines (dynalite, fauxqs): what the cases table holds after
// a dossier (the application claimed for its prisoner and prison, the newest dossier, waiting
// rulings attached, the evaluation state untouched), what is queued for evaluation, and what
// is rejected to the prison.
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERSON_ID, dossier, personIdFrom, ruling } from '../../../generators/case.ts';
import { useFunctionEnvironment } from '../../support/function-environment.ts';
import { createContext } from '../../support/lambda-context.ts';
import { startTestAws, type TestAws } from '../../support/local-aws.ts';
import { createSqsEvent, createSqsRecord } from '../../support/sqs-event.ts';
import { withDossier } from '../../../shared/storage/stored-dossier.ts';
import { applicationItem } from '../../support/stored-items.ts';

useFunctionEnvironment();
let handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let aws: TestAws;

const APP = 'FJ-P01-2026-0042';
const LOOKUP = { pk: `APP#${APP}`, sk: 'APP' };
const EVALUATE_QUEUE = 'linkage-test-evaluate.fifo';
const PRISON_QUEUE = 'linkage-test-out-FJ-P01';

beforeAll(async () => {
  aws = await startTestAws();
  ({ handler } = await import('../../../functions/ingest-dossier/handler.ts'));
}, 30_000);
afterAll(() => aws.stop());
beforeEach(() => aws.reset());

async function run(body: unknown, queueName = 'linkage-test-in-FJ-P01'): Promise<SQSBatchResponse> {
  return handler(
    createSqsEvent([createSqsRecord({ body, queueName, messageId: 'sqs-1' })]),
    createContext('ingest-dossier'),
  );
}

async function caseItem(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
  return (await aws.items('cases')).find((i) => i.pk === pk && i.sk === sk);
}

const storedApplicationItem = () => caseItem(`P#${PERSON_ID}`, `A#${APP}`);
/** The application item with its dossier read back from the stored (deflated) form. */
const application = async () => {
  const item = await storedApplicationItem();
  return item && { ...withDossier(item) };
};

async function rejectionErrors(): Promise<{ path: string; message: string }[]> {
  const [rejection, ...others] = await aws.received(PRISON_QUEUE);
  expect(others).toEqual([]);
  expect(rejection!.body.schema).toBe('linkage.rejection.v1');
  return (rejection!.body.body as { errors: { path: string; message: string }[] }).errors;
}

describe('ingest-dossier', () => {
  it('claims the application, stores the newest dossier and asks for its re-evaluation', async () => {
    const message = dossier({ version: 2 });
    const response = await run(message);
    expect(response.batchItemFailures).toEqual([]);

    expect(await caseItem(LOOKUP.pk, LOOKUP.sk)).toEqual({
      ...LOOKUP,
      applicationId: APP,
      personId: PERSON_ID,
      prisonId: 'FJ-P01',
    });
    expect(await application()).toMatchObject({
      applicationId: APP,
      dossier: message.body,
      dossierVersion: 2,
      prisonId: 'FJ-P01',
      firstSubmittedAt: message.body.submittedAt,
      rulings: {},
    });
    // As stored: the dossier deflated (one write unit for the item), with the court beside it.
    const stored = await storedApplicationItem();
    expect(stored).toMatchObject({
      dossierCodec: 'deflate-raw/dossier-1',
      hearingCourtId: message.body.hearingCourtId,
    });
    expect(stored).not.toHaveProperty('dossier');

    const [queued, ...more] = await aws.received(EVALUATE_QUEUE);
    expect(more).toEqual([]);
    expect(queued!.body).toEqual({
      personId: PERSON_ID,
      applicationIds: [APP],
      trigger: `linkage.reduction-dossier.v1:FJ-P01:${message.messageId}`,
    });
  });

  it('stores a newer dossier over an older one, keeping the first submittedAt and the evaluation state', async () => {
    const first = dossier({ version: 1 });
    await run(first);
    // What evaluate wrote on the same item meanwhile: ingest never touches it.
    const state = {
      revision: 3,
      fingerprint: 'f3',
      sentRevision: 3,
      nextCheckAt: '2026-12-20T16:00:00.000Z',
      dueShard: '1',
    };
    await aws.holds('cases', { ...(await application())!, ...state });
    const newer = dossier({ version: 2, submittedAt: '2026-11-25T09:00:00+08:00' });
    expect((await run(newer)).batchItemFailures).toEqual([]);
    expect(await application()).toMatchObject({
      dossier: newer.body,
      dossierVersion: 2,
      firstSubmittedAt: first.body.submittedAt,
      ...state,
    });
  });

  it('attaches rulings from the hearing court that arrived before the dossier', async () => {
    const early = ruling({ outcome: 'WITHDRAWN' });
    const stranger = ruling({ rulingRef: 'other-court-ref' });
    await aws.holds(
      'cases',
      {
        pk: `APP#${APP}`,
        sk: `R#${early.body.rulingRef}`,
        body: early.body,
        senderId: 'FJ-LY-ZY',
        messageId: early.messageId,
        receivedAt: '2027-01-15T16:00:00+08:00',
      },
      {
        pk: `APP#${APP}`,
        sk: 'R#other-court-ref',
        body: stranger.body,
        senderId: 'FJ-XX-ZY',
        messageId: 'm',
        receivedAt: '2027-01-15T16:00:00+08:00',
      },
    );
    const response = await run(dossier());
    expect(response.batchItemFailures).toEqual([]);
    const { rulings } = (await application()) as { rulings: Record<string, { body: unknown; senderId: string }> };
    expect(Object.keys(rulings)).toEqual([early.body.rulingRef]);
    expect(rulings[early.body.rulingRef]).toMatchObject({ body: early.body, senderId: 'FJ-LY-ZY' });
  });

  it('acknowledges an older dossier version without storing it or re-evaluating', async () => {
    const newer = dossier({ version: 3 });
    await run(newer);
    await aws.received(EVALUATE_QUEUE);
    const response = await run(dossier({ version: 2 }));
    expect(response.batchItemFailures).toEqual([]);
    expect(await aws.received(EVALUATE_QUEUE)).toEqual([]);
    expect(await aws.received(PRISON_QUEUE)).toEqual([]);
    expect(await application()).toMatchObject({ dossier: newer.body, dossierVersion: 3 });
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
    expect(await rejectionErrors()).toEqual([
      { path: 'body.hearingCourtId', message: 'FJ-LY-XL is not a hearing court in the institutions registry' },
      {
        path: 'body.judgments.0.enforcingCourtId',
        message: 'FJ-NOWHERE is not an enforcing court in the institutions registry',
      },
    ]);
    expect(await aws.items('quarantine')).toHaveLength(1);
    expect(await aws.items('cases')).toEqual([]);
    expect(await aws.received(EVALUATE_QUEUE)).toEqual([]);
  });

  it('rejects a later version about another prisoner instead of splitting the application', async () => {
    const first = dossier({ version: 1 });
    await run(first);
    await aws.received(EVALUATE_QUEUE);
    const other = personIdFrom('35080219900202123');
    const response = await run(
      dossier({ version: 2, prisoner: { prisonerNo: '3508001234', name: '张某', personId: other } }),
    );
    expect(response.batchItemFailures).toEqual([]);
    expect(await rejectionErrors()).toEqual([
      { path: 'body.prisoner.personId', message: `differs from the prisoner of earlier versions of ${APP}` },
    ]);
    expect(await caseItem(`P#${other}`, `A#${APP}`)).toBeUndefined();
    expect(await application()).toMatchObject({ dossierVersion: 1 });
    expect(await aws.received(EVALUATE_QUEUE)).toEqual([]);
  });

  it('rejects an applicationId another prison already uses', async () => {
    await aws.holds('cases', { ...LOOKUP, applicationId: APP, personId: PERSON_ID, prisonId: 'FJ-P02' });
    await aws.holds('cases', applicationItem(dossier(), { prisonId: 'FJ-P02', senderId: 'FJ-P02' }));
    const before = await application();
    const response = await run(dossier({ version: 2 }));
    expect(await rejectionErrors()).toEqual([
      { path: 'body.applicationId', message: `${APP} is already a proposal of another prison` },
    ]);
    expect(response.batchItemFailures).toEqual([]);
    expect(await application()).toEqual(before);
    expect(await aws.received(EVALUATE_QUEUE)).toEqual([]);
  });
});
