// Decisions, delivery marks, verification requests and the deadline index, against dynalite.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putDossier } from '../../../shared/storage/application-store.ts';
import { getRevision, putRevision } from '../../../shared/storage/decision-store.ts';
import { dueApplications } from '../../../shared/storage/deadline-index.ts';
import { markDelivered, saveSchedule } from '../../../shared/storage/evaluation-store.ts';
import { applicationKey, deadlineShard, deadlineShards } from '../../../shared/storage/keys.ts';
import { loadPrisoner } from '../../../shared/storage/prisoner-store.ts';
import { markRequestSent, putRequest } from '../../../shared/storage/request-store.ts';
import { DEADLINE_SHARDS } from '../../../shared/resources/tables.ts';
import { evaluateCaseValue } from '../../../shared/rules/evaluate-case.ts';
import { caseFile, dossier, personIdFrom, request } from '../../builders/case.ts';
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

describe('the deadline index', () => {
  it('spreads applications over the shards, stably', () => {
    const shards = new Set(Array.from({ length: 200 }, (_, i) => deadlineShard(`APP-${i}`)));
    expect([...shards].sort()).toEqual(deadlineShards());
    expect(deadlineShards()).toHaveLength(DEADLINE_SHARDS);
    expect(deadlineShard('APP-7')).toBe(deadlineShard('APP-7'));
  });

  it('returns the applications due by now, and forgets those taken off', async () => {
    await storeApplication('APP-DUE');
    await storeApplication('APP-LATER');
    await storeApplication('APP-CLOSED');
    const ref = (applicationId: string) => ({ personId: person, applicationId });
    await saveSchedule(dynamo.db, CASES, ref('APP-DUE'), {
      closed: false,
      nextCheckAtMs: Date.parse('2026-11-28T01:00:02Z'),
    });
    await saveSchedule(dynamo.db, CASES, ref('APP-LATER'), {
      closed: false,
      nextCheckAtMs: Date.parse('2026-12-20T01:30:01Z'),
    });
    await saveSchedule(dynamo.db, CASES, ref('APP-CLOSED'), {
      closed: false,
      nextCheckAtMs: Date.parse('2026-11-27T00:00:00Z'),
    });
    await saveSchedule(dynamo.db, CASES, ref('APP-CLOSED'), { closed: true, nextCheckAtMs: undefined });

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

  it('never creates an application item that does not exist', async () => {
    await expect(
      saveSchedule(
        dynamo.db,
        CASES,
        { personId: person, applicationId: 'APP-NONE' },
        { closed: false, nextCheckAtMs: 0 },
      ),
    ).rejects.toThrow(/conditional/i);
  });
});
