// The prison's "median days to complete materials" (从首次提交到材料齐全的天数中位数) through the
// real pipeline: a dossier without its asset declaration (revision 1: a material code), then
// its supplement with it (revision 2: none). The prison's counters say one dossier completed,
// in the days from the first submission's date to today's; a redelivery changes nothing; the
// reconciliation recomputes the same from the decisions table, and finds a planted difference.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCounter, readMonth } from '../../shared/assessment/counter-store.ts';
import { localDay } from '../../shared/assessment/periods.ts';
import { reconcileDay } from '../../shared/assessment/reconcile.ts';
import { deriveFigures } from '../../shared/assessment/report.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { daysBetween } from '../../shared/time/calendar.ts';
import { REGISTRY } from '../../local/registry.ts';
import { dossier, SUBMITTED_AT } from '../../generators/case.ts';
import { documentClient, startTestService, type TestService } from './harness.ts';

let test: TestService;
const DAY = localDay(SUBMITTED_AT);
const incomplete = dossier({ assetDeclaration: null });
const supplement = dossier({ version: 2, submittedAt: '2026-11-24T10:00:00+08:00' });

const tables = () => {
  const stage = test.service.endpoints.stage;
  return {
    cases: tableName(stage, 'cases'),
    decisions: tableName(stage, 'decisions'),
    access: tableName(stage, 'access'),
    quarantine: tableName(stage, 'quarantine'),
    assessment: tableName(stage, 'assessment'),
  };
};

async function prisonDay() {
  const month = await readMonth(documentClient(test), tables().assessment, 'FJ-P01', DAY.slice(0, 7));
  return month.find((d) => d.day === DAY)?.counts ?? {};
}

beforeAll(async () => {
  test = await startTestService();
  await test.send(incomplete);
  await test.settle();
  await test.send(supplement);
  await test.settle();
}, 180_000);

afterAll(async () => {
  await test?.stop();
});

describe('median days to complete materials (prison)', () => {
  it('counts the dossier completed once, on its first submission day, in days since it', async () => {
    const received = await test.drain('FJ-P01');
    const codes = received
      .filter((r) => r.message.schema === 'linkage.fulfilment-flag.v1')
      .map((r) => (r.message.body as { reasons: { code: string }[] }).reasons.map((c) => c.code));
    // What the prison was told: revision 1 missed a material, revision 2 no longer.
    expect(codes[0]!.some((c) => c.startsWith('PP-MAT-'))).toBe(true);
    expect(codes.at(-1)!.some((c) => c.startsWith('PP-MAT-'))).toBe(false);
    const days = Math.min(Math.max(daysBetween(DAY, localDay(new Date().toISOString())), 0), 30);
    const counts = await prisonDay();
    expect(counts).toMatchObject({ dossiersSubmitted: 1, materialsCompleted: 1 });
    expect(counts.completeAtFirst ?? 0).toBe(0);
    expect(counts[`md${days}`]).toBe(1);
    expect(deriveFigures('PRISON', counts).derived.medianMaterialsDays).toBe(days);
  });

  it('changes nothing when both dossiers are delivered again', async () => {
    const before = await prisonDay();
    await test.send(incomplete);
    await test.send(supplement);
    await test.settle();
    expect(await prisonDay()).toEqual(before);
  });

  it("writes nothing for the linkage's own figures when a revision changes none of them", async () => {
    // Revision 1 counted the application evaluated; revision 2 (materials supplied, nothing
    // paid) moves none of the linkage's figures, so it left no item and no token behind.
    const db = documentClient(test);
    const today = localDay(new Date().toISOString());
    const { Items = [] } = await db.send(
      new QueryCommand({
        TableName: tables().assessment,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `${REGISTRY.service.id}#${today.slice(0, 7)}` },
      }),
    );
    const tokens = Items.flatMap((item) => [...((item.tokens as Set<string> | undefined) ?? [])]);
    expect(tokens).toHaveLength(1);
    expect(Items.reduce((sum, item) => sum + Number(item.applicationsEvaluated ?? 0), 0)).toBe(1);
  });

  it('reconciles with no difference, and finds a corrupted counter', async () => {
    const db = documentClient(test);
    expect((await reconcileDay(db, tables(), REGISTRY, DAY)).differences).toEqual([]);
    await addToCounter(db, tables().assessment, 'FJ-P01', DAY, 'materialsCompleted', 1);
    expect((await reconcileDay(db, tables(), REGISTRY, DAY)).differences).toEqual([
      { institutionId: 'FJ-P01', day: DAY, figure: 'materialsCompleted', counted: 2, recomputed: 1 },
    ]);
  });
});
