// Decisions, delivery marks, verification requests and the deadline index, against dynalite.
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putDossier } from '../../../shared/storage/application-store.ts';
import { getRevision, putRevision } from '../../../shared/storage/decision-store.ts';
import { dueApplications } from '../../../shared/storage/deadline-index.ts';
import { markDelivered, saveEvaluation } from '../../../shared/storage/evaluation-store.ts';
import { applicationKey, deadlineShard, deadlineShards } from '../../../shared/storage/keys.ts';
import { loadPrisoner } from '../../../shared/storage/prisoner-store.ts';
import { markRequestSent, putRequest } from '../../../shared/storage/request-store.ts';
import { requestIdFor } from '../../../shared/pipeline/evaluation/verification.ts';
import { DEADLINE_SHARDS, TABLES } from '../../../shared/resources/tables.ts';
import { createTableInput } from '../../../local/provision.ts';
import { evaluateCaseValue } from '../../../shared/rules/evaluate-case.ts';
import { caseFile, dossier, personIdFrom, request } from '../../../generators/case.ts';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite.ts';
import { testTableName } from '../../support/function-environment.ts';

let dynamo: LocalDynamo;
const CASES = testTableName('cases');
const DECISIONS = testTableName('decisions');
const person = personIdFrom('11010119900101004');
const prisoner = { prisonerNo: 'P-4', name: '王某', personId: person };

beforeAll(async () => {
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  await dynamo.stop();
});

async function storeApplication(applicationId: string): Promise<void> {
  const d = dossier({ applicationId, prisoner });
  await putDossier(dynamo.db, CASES, d, d.sentAt);
}

describe('decisions', () => {
  it('are append-only: a revision number is written once', async () => {
    const result = evaluateCaseValue(caseFile({ messages: [dossier()] }));
    if (!result.ok) throw new Error('case did not evaluate');
    const revision = {
      applicationId: 'APP-REV',
      revision: 1,
      flag: result.value.flag,
      fingerprint: 'f1',
      trigger: 't',
      recordedAt: result.value.flag.evaluatedAt,
    };
    expect(await putRevision(dynamo.db, DECISIONS, revision)).toBe(true);
    expect(await putRevision(dynamo.db, DECISIONS, { ...revision, fingerprint: 'f-other' })).toBe(false);
    const read = await getRevision(dynamo.db, DECISIONS, 'APP-REV', 1);
    expect(read).toEqual(revision);
    await expect(getRevision(dynamo.db, DECISIONS, 'APP-REV', 2)).rejects.toThrow(
      /revision 2 of application APP-REV is missing/,
    );
  });
});

describe('delivery marks', () => {
  it('never move backwards', async () => {
    await storeApplication('APP-SENT');
    const ref = { personId: person, applicationId: 'APP-SENT' };
    await markDelivered(dynamo.db, CASES, ref, 2);
    await markDelivered(dynamo.db, CASES, ref, 1);
    const item = await dynamo.db.send(new GetCommand({ TableName: CASES, Key: applicationKey(person, 'APP-SENT') }));
    expect(item.Item!.sentRevision).toBe(2);
  });
});

describe('the final update of an evaluation', () => {
  it('moves revision, delivered mark and schedule together, only from the revision it was at', async () => {
    await storeApplication('APP-FINAL');
    const ref = { personId: person, applicationId: 'APP-FINAL' };
    const first = {
      revision: 1,
      fingerprint: 'f1',
      decision: 'FLAG' as const,
      evaluatedAt: '2026-11-21T09:00:01+08:00',
    };
    const schedule = { closed: false, nextCheckAtMs: Date.parse('2026-12-20T16:00:00Z') };
    await saveEvaluation(dynamo.db, CASES, ref, { at: 0, revision: first, sentRevision: 1, schedule });
    const read = async () =>
      (await dynamo.db.send(new GetCommand({ TableName: CASES, Key: applicationKey(person, 'APP-FINAL') }))).Item;
    expect(await read()).toMatchObject({
      revision: 1,
      fingerprint: 'f1',
      decision: 'FLAG',
      evaluatedAt: first.evaluatedAt,
      sentRevision: 1,
      closed: false,
      nextCheckAt: '2026-12-20T16:00:00.000Z',
      dueShard: deadlineShard('APP-FINAL'),
    });
    // A run that read the item before revision 1 was committed is refused, changing nothing.
    await expect(
      saveEvaluation(dynamo.db, CASES, ref, { at: 0, revision: { ...first, fingerprint: 'f-stale' }, sentRevision: 1 }),
    ).rejects.toThrow(/conditional/i);
    await expect(
      saveEvaluation(dynamo.db, CASES, ref, { at: 2, schedule: { closed: true, nextCheckAtMs: undefined } }),
    ).rejects.toThrow(/conditional/i);
    await saveEvaluation(dynamo.db, CASES, ref, { at: 1, schedule: { closed: true, nextCheckAtMs: undefined } });
    const closed = await read();
    expect(closed).toMatchObject({ revision: 1, fingerprint: 'f1', sentRevision: 1, closed: true });
    expect(closed).not.toHaveProperty('nextCheckAt');
    // A run that read the item at revision 1 is refused once another run has moved it on to 2.
    const second = { ...first, revision: 2, fingerprint: 'f2' };
    await saveEvaluation(dynamo.db, CASES, ref, { at: 1, revision: second, sentRevision: 2 });
    await expect(
      saveEvaluation(dynamo.db, CASES, ref, { at: 1, revision: { ...second, fingerprint: 'f-late' }, sentRevision: 2 }),
    ).rejects.toThrow(/conditional/i);
    expect(await read()).toMatchObject({ revision: 2, fingerprint: 'f2', sentRevision: 2 });
  });
});

describe('verification requests', () => {
  it('are stored unsent, then marked sent, in the prisoner partition', async () => {
    const body = request({ requestId: 'VR-STORE', applicationId: 'APP-VR' }).body;
    await putRequest(dynamo.db, CASES, person, {
      body,
      enforcingCourtId: 'FJ-LY-XL',
      messageId: 'LINKAGE:vr:VR-STORE',
    });
    expect((await loadPrisoner(dynamo.db, CASES, person)).requests.map((r) => [r.body.requestId, r.sent])).toEqual([
      ['VR-STORE', false],
    ]);
    await markRequestSent(dynamo.db, CASES, person, 'VR-STORE');
    // Storing the same request again (a retry) leaves it sent.
    await putRequest(dynamo.db, CASES, person, {
      body,
      enforcingCourtId: 'FJ-LY-XL',
      messageId: 'LINKAGE:vr:VR-STORE',
    });
    expect((await loadPrisoner(dynamo.db, CASES, person)).requests.map((r) => [r.body.requestId, r.sent])).toEqual([
      ['VR-STORE', true],
    ]);
  });
});

describe('verification request ids', () => {
  const need = { judgmentId: '(2019)闽0802刑初123号', reason: 'STATUS_MISSING' as const };
  const stored = (requestId: string, judgmentId = need.judgmentId) => ({
    pk: 'P',
    sk: `V#${requestId}`,
    body: request({ requestId, judgmentId }).body,
    enforcingCourtId: 'FJ-LY-XL',
    messageId: `LINKAGE:vr:${requestId}`,
    sent: true,
  });

  it('are derived from the need and its round, never from the time of the evaluation', () => {
    const first = requestIdFor('APP-1', need, []);
    expect(requestIdFor('APP-1', need, [])).toBe(first);
    expect(requestIdFor('APP-1', need, [stored('VR-other', '(2020)闽0802刑初9号')]), 'another judgment').toBe(first);
    expect(requestIdFor('APP-2', need, [])).not.toBe(first);
    expect(requestIdFor('APP-1', { ...need, reason: 'STATUS_STALE' }, [])).not.toBe(first);
    expect(requestIdFor('APP-1', need, [stored(first)]), 'asked again once the first is overdue').not.toBe(first);
  });

  it('a second store of one id returns the request as first stored, not the copy of the retry', async () => {
    const first = request({ requestId: 'VR-ROUND', applicationId: 'APP-VR', requestedAt: '2026-11-30T09:00:00+08:00' });
    const retry = request({ requestId: 'VR-ROUND', applicationId: 'APP-VR', requestedAt: '2026-11-30T09:05:00+08:00' });
    const input = { enforcingCourtId: 'FJ-LY-XL', messageId: 'LINKAGE:vr:VR-ROUND' };
    await putRequest(dynamo.db, CASES, person, { ...input, body: first.body });
    const again = await putRequest(dynamo.db, CASES, person, { ...input, body: retry.body });
    expect(again.body.requestedAt).toBe('2026-11-30T09:00:00+08:00');
  });
});

describe('the deadline index', () => {
  it('spreads applications over the shards, stably', () => {
    const shards = new Set(Array.from({ length: 200 }, (_, i) => deadlineShard(`APP-${i}`)));
    expect([...shards].sort()).toEqual(deadlineShards().sort());
    expect(deadlineShards()).toHaveLength(DEADLINE_SHARDS);
    expect(deadlineShard('APP-7')).toBe(deadlineShard('APP-7'));
  });

  it('returns the applications due by now, and forgets those taken off', async () => {
    await storeApplication('APP-DUE');
    await storeApplication('APP-LATER');
    await storeApplication('APP-CLOSED');
    const ref = (applicationId: string) => ({ personId: person, applicationId });
    await saveEvaluation(dynamo.db, CASES, ref('APP-DUE'), {
      at: 0,
      schedule: {
        closed: false,
        nextCheckAtMs: Date.parse('2026-11-28T01:00:02Z'),
      },
    });
    await saveEvaluation(dynamo.db, CASES, ref('APP-LATER'), {
      at: 0,
      schedule: {
        closed: false,
        nextCheckAtMs: Date.parse('2026-12-20T01:30:01Z'),
      },
    });
    await saveEvaluation(dynamo.db, CASES, ref('APP-CLOSED'), {
      at: 0,
      schedule: {
        closed: false,
        nextCheckAtMs: Date.parse('2026-11-27T00:00:00Z'),
      },
    });
    await saveEvaluation(dynamo.db, CASES, ref('APP-CLOSED'), {
      at: 0,
      schedule: { closed: true, nextCheckAtMs: undefined },
    });

    const due = [];
    for (const shard of deadlineShards())
      due.push(...(await dueApplications(dynamo.db, CASES, shard, '2026-11-28T01:15:00.000Z')));
    expect(due).toEqual([{ personId: person, applicationId: 'APP-DUE', nextCheckAt: '2026-11-28T01:00:02.000Z' }]);

    const closed = await dynamo.db.send(
      new GetCommand({ TableName: CASES, Key: applicationKey(person, 'APP-CLOSED') }),
    );
    expect(closed.Item).toMatchObject({ closed: true });
    expect(closed.Item).not.toHaveProperty('nextCheckAt');
    expect(closed.Item).not.toHaveProperty('dueShard');
  });

  it('finds due applications on the table as provisioned, whose index holds keys only', async () => {
    const table = 'linkage-keys-only-cases';
    await dynamo.client.send(new CreateTableCommand(createTableInput(table, TABLES.cases)));
    const described = await dynamo.client.send(new DescribeTableCommand({ TableName: table }));
    expect(described.Table!.GlobalSecondaryIndexes![0]!.Projection).toEqual({ ProjectionType: 'KEYS_ONLY' });
    const d = dossier({ applicationId: 'APP#WITH#HASHES', prisoner });
    await putDossier(dynamo.db, table, d, d.sentAt);
    const ref = { personId: person, applicationId: 'APP#WITH#HASHES' };
    await saveEvaluation(dynamo.db, table, ref, {
      at: 0,
      schedule: { closed: false, nextCheckAtMs: Date.parse('2026-11-28T01:00:02Z') },
    });
    const shard = deadlineShard('APP#WITH#HASHES');
    const raw = await dynamo.db.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'byDeadline',
        KeyConditionExpression: 'dueShard = :shard',
        ExpressionAttributeValues: { ':shard': shard },
      }),
    );
    expect(raw.Items!.map((item) => Object.keys(item).sort())).toEqual([['dueShard', 'nextCheckAt', 'pk', 'sk']]);
    expect(await dueApplications(dynamo.db, table, shard, '2026-11-28T01:15:00.000Z')).toEqual([
      { personId: person, applicationId: 'APP#WITH#HASHES', nextCheckAt: '2026-11-28T01:00:02.000Z' },
    ]);
  });

  it('never creates an application item that does not exist', async () => {
    await expect(
      saveEvaluation(
        dynamo.db,
        CASES,
        { personId: person, applicationId: 'APP-NONE' },
        { at: 0, schedule: { closed: false, nextCheckAtMs: 0 } },
      ),
    ).rejects.toThrow(/conditional/i);
  });
});
