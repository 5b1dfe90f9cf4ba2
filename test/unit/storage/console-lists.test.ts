// The console's list queries on a real engine: newest first, filters that match rarely are
// found in one request, and paging with a filter neither skips nor repeats a row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases, type CaseRow } from '../../../shared/storage/console-lists.ts';
import { claimApplication, putDossier } from '../../../shared/storage/application-store.ts';
import { saveEvaluation } from '../../../shared/storage/evaluation-store.ts';
import { dossier, personIdFrom } from '../../../generators/case.ts';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite.ts';
import { testTableName } from '../../support/function-environment.ts';

const COUNT = 600;
let dynamo: LocalDynamo;
const table = testTableName('cases');

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  for (let i = 0; i < COUNT; i += 1) {
    const applicationId = `LIST-${String(i).padStart(4, '0')}`;
    const personId = personIdFrom(`35080219800101${String(i).padStart(3, '0').slice(-3)}`);
    const message = dossier({
      applicationId,
      prisoner: { prisonerNo: `N${i}`, name: '张某', personId },
      submittedAt: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString().replace('Z', '+00:00'),
    });
    await claimApplication(dynamo.db, table, { applicationId, personId, prisonId: 'FJ-P01' });
    await putDossier(dynamo.db, table, message, message.sentAt);
    await saveEvaluation(
      dynamo.db,
      table,
      { personId, applicationId },
      {
        at: 0,
        revision: {
          revision: 1,
          fingerprint: 'f',
          decision: i % 7 === 0 ? 'BLOCK' : 'CLEAR',
          evaluatedAt: message.sentAt,
        },
      },
    );
  }
}, 120_000);
afterAll(async () => dynamo.stop());

describe('console case lists', () => {
  it('lists newest first, 20 to a page', async () => {
    const page = await listCases(dynamo.db, table, { by: { hearingCourtId: 'FJ-LY-ZY' }, limit: 20 });
    expect(page.rows.map((r) => r.applicationId)).toEqual(
      Array.from({ length: 20 }, (_, i) => `LIST-${String(COUNT - 1 - i).padStart(4, '0')}`),
    );
    expect(page.cursor).toBeDefined();
  });

  it('finds the oldest prisoner number among 600 in one request', async () => {
    const page = await listCases(dynamo.db, table, { by: { hearingCourtId: 'FJ-LY-ZY' }, prisonerNo: 'N0', limit: 20 });
    expect(page.rows.map((r) => r.applicationId)).toEqual(['LIST-0000']);
  });

  it('pages through a filter without skipping or repeating a row', async () => {
    const seen: CaseRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCases(dynamo.db, table, {
        by: { hearingCourtId: 'FJ-LY-ZY' },
        decision: 'BLOCK',
        limit: 20,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.rows.length).toBeLessThanOrEqual(20);
      seen.push(...page.rows);
      cursor = page.cursor;
    } while (cursor);
    const expected = Array.from({ length: COUNT }, (_, i) => i).filter((i) => i % 7 === 0);
    expect(seen.map((r) => r.applicationId)).toEqual(
      expected.reverse().map((i) => `LIST-${String(i).padStart(4, '0')}`),
    );
  });
});
