// The assessment page (考核) on the demo's running service: the figures on the page are the
// API's, and the API's are the counters the pipeline's hooks wrote for the demo's traffic (read
// here straight from the assessment table). The CSV exports are downloaded and read; an
// institution asking for another's figures gets 404, by URL and by API; a provincial
// administrator ranks the province's institutions and can neither send nor read cases.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { expect, test, type Page } from '@playwright/test';
import type { FiguresResponse, FiguresView } from '../../api/assessment-schemas.ts';
import { display } from '../../console/src/assessment/figures.ts';
import { SHOWN_FIGURES } from '../../shared/assessment/labels.ts';
import { parsePeriod } from '../../shared/assessment/periods.ts';
import { readFigures } from '../../shared/assessment/report.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { REGISTRY } from '../../local/registry.ts';
import { DEMO_DATA_DIR } from './playwright.config.ts';
import { expectAccessible, screenshot, signIn, tokenOf } from './support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The counters as stored by the pipeline, read from the demo's assessment table. */
async function storedCounts(period: string): Promise<Map<string, Record<string, number>>> {
  const endpoints = JSON.parse(readFileSync(`${ROOT}${DEMO_DATA_DIR}/endpoints.json`, 'utf8')) as {
    stage: string;
    region: string;
    dynamodbEndpoint: string;
  };
  const dynamodb = new DynamoDBClient({
    region: endpoints.region,
    endpoint: endpoints.dynamodbEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const figures = await readFigures(
    createDocumentClient(dynamodb),
    tableName(endpoints.stage, 'assessment'),
    REGISTRY,
    parsePeriod(period),
  );
  return new Map(figures.map((f) => [f.institutionId, f.counts]));
}

async function api(page: Page, path: string) {
  return page.request.get(path, { headers: { Authorization: `Bearer ${await tokenOf(page)}` } });
}

/** The period the page shows (the current month, China Standard Time). */
async function shownPeriod(page: Page): Promise<string> {
  return page.evaluate(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7));
}

test("an enforcing court's page shows its own figures: the API's, which are the pipeline's counters", async ({
  page,
}) => {
  await signIn(page, 'fj-ly-xl');
  // Keyboard: the menu link is reached and followed without a mouse.
  await page.getByRole('link', { name: '考核' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/assessment$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('考核指标');
  const period = await shownPeriod(page);
  const response = (await (await api(page, `/api/assessment?period=${period}`)).json()) as FiguresResponse;
  expect(response.figures.map((f) => f.institutionId)).toEqual(['FJ-LY-XL']);
  const mine = response.figures[0]!;
  expect(mine.counts).toEqual((await storedCounts(period)).get('FJ-LY-XL'));
  // The demo's story sent this court's statuses this month, through the real pipeline.
  expect(mine.counts.statusesAccepted).toBeGreaterThanOrEqual(2);

  const own = page.getByTestId('own-figures');
  for (const name of SHOWN_FIGURES.ENFORCING_COURT)
    await expect(own.locator(`[data-figure="${name}"] td`).nth(1), name).toHaveText(display(mine, name));
  await expect(page.getByTestId('trend').getByTestId('chart')).toHaveAttribute('data-rendered', 'true');
  await expect(page.getByTestId('reply-days').getByTestId('chart').locator('svg')).toBeVisible();
  // The distribution's table: each day 0..30 beside the API's histogram.
  const replyRows = page.getByTestId('reply-days').locator('.ant-table-tbody tr.ant-table-row');
  await expect(replyRows).toHaveCount(31);
  for (const d of [0, 1, 7, 30])
    await expect(replyRows.nth(d).locator('td').nth(1)).toHaveText(String(mine.replyDays![d]));

  // The table's CSV: downloaded and read.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    own.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF指标,')).toBe(true);
  expect(csv).toContain(`\r\n收到核实函,${mine.counts.requestsReceived},`);
  expect(csv).toContain(`\r\n报送执行状态,${mine.counts.statusesAccepted},`);
  // The monthly report: the API's CSV (as `linkage report --format csv`), this court only.
  const [report] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出月度报告（CSV）' }).click(),
  ]);
  const reportCsv = readFileSync((await report.path())!, 'utf8');
  expect(reportCsv.split('\r\n')[0]).toBe('\uFEFFperiod,institution_id,institution,kind,figure,指标,value');
  expect(reportCsv).toContain(`${period},FJ-LY-XL,Longyan Xinluo District Court,执行法院,requestsReceived,收到核实函,`);
  expect(reportCsv).not.toContain('FJ-LY-ZP');
  await expectAccessible(page);
  await screenshot(page, 'assessment-enforcing-court');
});

test("an institution asking for another institution's figures gets 404, by URL and by API", async ({ page }) => {
  await signIn(page, 'fj-ly-xl');
  await page.goto('/assessment?institution=FJ-LY-ZP');
  await expect(page.getByTestId('assessment-error')).toHaveText('未找到该机构的考核数据，或您无权查看');
  await expect(page.getByText('漳平市人民法院')).toHaveCount(0);
  for (const path of [
    '/api/assessment?institution=FJ-LY-ZP',
    '/api/assessment/months?from=2026-06&to=2026-11&institution=FJ-P01',
    '/api/assessment/report.csv?month=2026-11&institution=FJ-LY-ZY',
  ]) {
    const response = await api(page, path);
    expect(response.status(), path).toBe(404);
    expect(await response.json()).toEqual({ error: 'not found' });
  }
  expect((await api(page, '/api/assessment?institution=FJ-LY-XL')).status()).toBe(200);
});

test('a provincial administrator ranks every institution of the province, and reads no case', async ({ page }) => {
  await signIn(page, 'fj-admin');
  await expect(page).toHaveURL(/\/assessment$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('全省考核');
  await expect(page.getByRole('link', { name: '案件列表' })).toHaveCount(0);
  const period = await shownPeriod(page);
  const response = (await (await api(page, `/api/assessment?period=${period}`)).json()) as FiguresResponse;
  const stored = await storedCounts(period);
  expect(response.figures.map((f) => f.institutionId).sort()).toEqual([...stored.keys()].sort());
  for (const f of response.figures) expect(f.counts, f.institutionId).toEqual(stored.get(f.institutionId));
  const evaluated = response.figures.find((f) => f.kind === 'SERVICE')!.counts.applicationsEvaluated!;
  expect(evaluated).toBeGreaterThan(0);

  const check = async (kind: FiguresView['kind']) => {
    const table = page.getByTestId(`figures-${kind}`);
    for (const f of response.figures.filter((x) => x.kind === kind)) {
      const cells = table.locator(`[data-institution="${f.institutionId}"] td`);
      await expect(cells.nth(0)).toHaveText(f.nameZh);
      for (const [i, name] of SHOWN_FIGURES[kind].entries())
        await expect(cells.nth(i + 1), `${f.institutionId} ${name}`).toHaveText(display(f, name));
    }
  };
  await check('ENFORCING_COURT');
  // The ranking's CSV: one row per enforcing court, ranked, with the period before beside.
  const ranking = page.getByTestId('ranking-ENFORCING_COURT');
  await expect(ranking.getByTestId('chart')).toHaveAttribute('data-rendered', 'true');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    ranking.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toMatch(/^名次,机构,7日内答复率\(%\) \d{4}年\d+月,\d{4}年\d+月,变化$/);
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3']);
  await expectAccessible(page);
  await screenshot(page, 'assessment-provincial-admin');

  await page.getByRole('tab', { name: '监狱' }).click();
  await check('PRISON');
  await page.getByRole('tab', { name: '联动机制（全国）' }).click();
  await check('SERVICE');
  await expect(page.getByTestId('figures-SERVICE')).toContainText('促成履行金额(元)');

  // No message rights and no case data: every such route answers 404.
  const token = await tokenOf(page);
  const send = await page.request.post('/api/messages', {
    headers: { Authorization: `Bearer ${token}` },
    data: { schema: 'linkage.enforcement-status.v1', body: {} },
  });
  expect(send.status()).toBe(404);
  for (const path of ['/api/cases', '/api/cases/FJ-P01-2026-0108', '/api/requests', '/api/rejections'])
    expect((await api(page, path)).status(), path).toBe(404);
});
