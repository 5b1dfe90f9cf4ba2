// The version-guarded writes of statuses and dossiers, run against dynalite: newer wins,
// equal or older is stale, a retry of the same message is recognised as its own write.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachRulings,
  claimApplication,
  getApplication,
  getApplicationLookup,
  putDossier,
} from '../../../shared/storage/application-store.ts';
import { commitRevision } from '../../../shared/storage/evaluation-store.ts';
import { loadPrisoner } from '../../../shared/storage/prisoner-store.ts';
import { putReceivedRuling, receivedRulings } from '../../../shared/storage/ruling-store.ts';
import { putStatus } from '../../../shared/storage/status-store.ts';
import { dossier, personIdFrom, ruling, status } from '../../../generators/case.ts';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite.ts';
import { testTableName } from '../../support/function-environment.ts';
import { applicationItem } from '../../support/stored-items.ts';

let dynamo: LocalDynamo;
const CASES = testTableName('cases');

beforeAll(async () => {
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  await dynamo.stop();
});

describe('putStatus', () => {
  it('keeps only the newest version of an item', async () => {
    const person = personIdFrom('11010119900101001');
    const v2 = status({ personId: person, version: 2 });
    expect(await putStatus(dynamo.db, CASES, v2, v2.sentAt)).toBe('stored');
    expect(await putStatus(dynamo.db, CASES, v2, v2.sentAt)).toBe('already-stored');
    const equal = { ...status({ personId: person, version: 2 }), messageId: 'another-message' };
    expect(await putStatus(dynamo.db, CASES, equal, equal.sentAt)).toBe('stale');
    const older = status({ personId: person, version: 1 });
    expect(await putStatus(dynamo.db, CASES, older, older.sentAt)).toBe('stale');
    const newer = status({ personId: person, version: 3, payments: [] });
    expect(await putStatus(dynamo.db, CASES, newer, newer.sentAt)).toBe('stored');

    const prisoner = await loadPrisoner(dynamo.db, CASES, person);
    expect(prisoner.statuses.map((s) => [s.version, s.body.payments.length, s.messageId])).toEqual([
      [3, 0, newer.messageId],
    ]);
  });
});

describe('applications', () => {
  const person = personIdFrom('11010119900101002');
  const prisoner = { prisonerNo: 'P-2', name: '李某', personId: person };

  it('claims an applicationId for one prisoner and one prison', async () => {
    const claim = { applicationId: 'APP-CLAIM', personId: person, prisonId: 'FJ-P01' };
    expect(await claimApplication(dynamo.db, CASES, claim)).toBe('claimed');
    expect(await claimApplication(dynamo.db, CASES, claim)).toBe('claimed');
    expect(await claimApplication(dynamo.db, CASES, { ...claim, personId: personIdFrom('11010119900101003') })).toBe(
      'other-prisoner',
    );
    expect(await claimApplication(dynamo.db, CASES, { ...claim, prisonId: 'FJ-P02' })).toBe('other-prison');
    expect(await getApplicationLookup(dynamo.db, CASES, 'APP-CLAIM')).toEqual({ personId: person, prisonId: 'FJ-P01' });
  });

  it('stores newer dossiers over older ones, keeps the first submittedAt and leaves the evaluation state alone', async () => {
    const v1 = dossier({ applicationId: 'APP-D', prisoner, version: 1, submittedAt: '2026-11-01T09:00:00+08:00' });
    const v2 = dossier({
      applicationId: 'APP-D',
      prisoner,
      version: 2,
      submittedAt: '2026-11-05T09:00:00+08:00',
      finances: null,
    });
    expect(await putDossier(dynamo.db, CASES, v1, v1.sentAt)).toBe('stored');
    await commitRevision(
      dynamo.db,
      CASES,
      { personId: person, applicationId: 'APP-D' },
      { previous: 0, revision: 1, fingerprint: 'f1', decision: 'FLAG', evaluatedAt: v1.sentAt },
    );
    expect(await putDossier(dynamo.db, CASES, v2, v2.sentAt)).toBe('stored');
    expect(await putDossier(dynamo.db, CASES, v1, v1.sentAt)).toBe('stale');
    expect(await putDossier(dynamo.db, CASES, v2, v2.sentAt)).toBe('already-stored');

    const stored = await getApplication(dynamo.db, CASES, person, 'APP-D');
    expect(stored).toMatchObject({
      dossierVersion: 2,
      firstSubmittedAt: '2026-11-01T09:00:00+08:00',
      revision: 1,
      fingerprint: 'f1',
      prisonId: 'FJ-P01',
      rulings: {},
    });
    expect(stored!.dossier.finances).toBeNull();
  });

  it('moves an application only from the revision it is at', async () => {
    const ref = { personId: person, applicationId: 'APP-D' };
    await expect(
      commitRevision(dynamo.db, CASES, ref, {
        previous: 0,
        revision: 1,
        fingerprint: 'x',
        decision: 'CLEAR',
        evaluatedAt: '2026-11-06T09:00:00+08:00',
      }),
    ).rejects.toThrow(/conditional/i);
    await commitRevision(dynamo.db, CASES, ref, {
      previous: 1,
      revision: 2,
      fingerprint: 'f2',
      decision: 'CLEAR',
      evaluatedAt: '2026-11-06T09:00:00+08:00',
    });
    expect((await getApplication(dynamo.db, CASES, person, 'APP-D'))!.revision).toBe(2);
  });

  it('attaches rulings only to an existing application, and only from its hearing court', async () => {
    const early = ruling({ applicationId: 'APP-R', rulingRef: 'R-1', outcome: 'WITHDRAWN' });
    expect(await putReceivedRuling(dynamo.db, CASES, early, early.sentAt)).toBe('stored');
    expect(await putReceivedRuling(dynamo.db, CASES, { ...early, messageId: 'other' }, early.sentAt)).toBe('stale');
    const waiting = await receivedRulings(dynamo.db, CASES, 'APP-R');
    expect(waiting.map((r) => r.body.rulingRef)).toEqual(['R-1']);

    const target = { personId: person, applicationId: 'APP-R', hearingCourtId: 'FJ-LY-ZY' };
    expect(await attachRulings(dynamo.db, CASES, target, waiting)).toBe(false);
    const d = dossier({ applicationId: 'APP-R', prisoner });
    await putDossier(dynamo.db, CASES, d, d.sentAt);
    expect(await attachRulings(dynamo.db, CASES, { ...target, hearingCourtId: 'FJ-OTHER' }, waiting)).toBe(false);
    expect(await attachRulings(dynamo.db, CASES, target, waiting)).toBe(true);
    expect(await attachRulings(dynamo.db, CASES, target, waiting)).toBe(true);

    const loaded = await loadPrisoner(dynamo.db, CASES, person);
    const application = loaded.applications.find((a) => a.applicationId === 'APP-R')!;
    expect(Object.keys(application.rulings)).toEqual(['R-1']);
    expect(application.rulings['R-1']!.body.outcome).toBe('WITHDRAWN');
  });

  it('reads and updates an application stored before the dossier codec (a plain dossier map, no court copy)', async () => {
    const d = dossier({ applicationId: 'APP-OLD', prisoner });
    const { dossierCodec: _codec, dossierData: _data, hearingCourtId: _court, ...legacy } = applicationItem(d);
    await dynamo.db.send(new PutCommand({ TableName: CASES, Item: { ...legacy, dossier: d.body } }));
    expect((await getApplication(dynamo.db, CASES, person, 'APP-OLD'))!.dossier).toEqual(d.body);

    const early = ruling({ applicationId: 'APP-OLD', rulingRef: 'R-9', outcome: 'WITHDRAWN' });
    const target = { personId: person, applicationId: 'APP-OLD', hearingCourtId: d.body.hearingCourtId };
    const waiting = [
      { body: early.body, senderId: early.sender.id, messageId: early.messageId, receivedAt: early.sentAt },
    ];
    expect(await attachRulings(dynamo.db, CASES, { ...target, hearingCourtId: 'FJ-OTHER' }, waiting)).toBe(false);
    expect(await attachRulings(dynamo.db, CASES, target, waiting)).toBe(true);

    // A newer version replaces the plain map with the deflated one.
    const newer = dossier({ applicationId: 'APP-OLD', prisoner, version: 2 });
    expect(await putDossier(dynamo.db, CASES, newer, newer.sentAt)).toBe('stored');
    const { Item } = await dynamo.db.send(new GetCommand({ TableName: CASES, Key: { pk: legacy.pk, sk: legacy.sk } }));
    expect(Item).not.toHaveProperty('dossier');
    expect(Item).toMatchObject({ dossierCodec: 'deflate-raw/dossier-1', dossierVersion: 2 });
    const read = (await getApplication(dynamo.db, CASES, person, 'APP-OLD'))!;
    expect(read.dossier).toEqual(newer.body);
    expect(Object.keys(read.rulings)).toEqual(['R-9']);
  });
});
