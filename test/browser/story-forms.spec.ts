// The demo's story played through the console's forms only (no CLI, no file on disk), in real
// Chromium: a prison submits a dossier; the hearing court sees FLAG with a verification request;
// the enforcing court answers it from its list; the hearing court's open page turns CLEAR by
// itself; the court records GRANTED; an enforcing court uploads a CSV with two bad rows and sees
// them by line; a rejected message is corrected and resent. Each decision shown is compared with
// the rules engine (what `linkage evaluate` runs) on the same facts.
// Named to run last: it adds an application to the demo's data the other files count.
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { EnforcementStatusMessage, ReductionDossierMessage } from '../../shared/contract/messages.ts';
import { identityCheckCharacter } from '../../shared/contract/primitives.ts';
import { parseCsvRows, checkRow } from '../../shared/contract/status-csv.ts';
import { evaluateCaseValue } from '../../shared/rules/evaluate-case.ts';
import { maskPersonId } from '../../api/views/masking.ts';
import { story } from '../../local/demo/scenario.ts';
import { expectAccessible, screenshot, signIn, tokenOf } from './support.ts';

test.describe.configure({ mode: 'serial' });

const APPLICATION = 'FJ-P01-2026-0201';
const JUDGMENT = '（2020）闽0802刑初201号';
const FIRST17 = '35080219850312201';
const PERSON_ID = `${FIRST17}${identityCheckCharacter(FIRST17)}`;
const WRONG_CHECK = `${FIRST17}${identityCheckCharacter(FIRST17) === '0' ? '1' : '0'}`;
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The facts as typed into the forms, as contract messages, for the engine. */
function dossierMessage(): ReductionDossierMessage {
  return {
    schema: 'linkage.reduction-dossier.v1',
    messageId: 'test:dossier',
    sentAt: `${TODAY}T08:00:00+08:00`,
    sender: { kind: 'PRISON', id: 'FJ-P01' },
    body: {
      applicationId: APPLICATION,
      kind: 'COMMUTATION',
      basis: 'ORDINARY',
      hearingCourtId: 'FJ-LY-ZY',
      prisoner: { prisonerNo: '3508010201', name: '郑某', personId: PERSON_ID },
      offenceCategory: 'OTHER',
      judgments: [
        { judgmentId: JUDGMENT, enforcingCourtId: 'FJ-LY-XL', items: [{ itemNo: 1, kind: 'FINE', dueFen: 1_500_000 }] },
      ],
      finances: {
        accountBalanceFen: 21_050,
        monthlySpendFen: [31_000],
        quotaMonthlyFen: 40_000,
        spendingViaOthers: false,
      },
      assetDeclaration: { filedOn: TODAY, declaredAssetsFen: 0, refusedOrFalse: false },
      adverseConsequenceNoticeOn: TODAY,
      thirdPartyAssetStatement: null,
      submittedAt: `${TODAY}T08:00:00+08:00`,
      version: 1,
    },
  };
}

function statusMessage(): EnforcementStatusMessage {
  return {
    schema: 'linkage.enforcement-status.v1',
    messageId: 'test:status',
    sentAt: new Date().toISOString(),
    sender: { kind: 'ENFORCING_COURT', id: 'FJ-LY-XL' },
    body: {
      judgmentId: JUDGMENT,
      itemNo: 1,
      personId: PERSON_ID,
      kind: 'FINE',
      dueFen: 1_500_000,
      payments: [{ receiptNo: 'LY2026-000201', amountFen: 1_500_000, payer: 'RELATIVE', paidOn: TODAY }],
      conduct: [],
      documents: [],
      asOf: new Date().toISOString(),
      version: 1,
    },
  };
}

function engineDecision(messages: unknown[]): string {
  const result = evaluateCaseValue({ now: new Date().toISOString(), messages });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value.flag.decision;
}

async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function expectSent(page: Page, state: 'accepted' | 'rejected' = 'accepted'): Promise<void> {
  await expect(page.getByTestId('send-result')).toHaveAttribute('data-state', state, { timeout: 20_000 });
}

async function newPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

let judge: Page;

/** Presses Tab until the labelled field has the focus (a date input takes one Tab per part). */
async function tabTo(page: Page, label: string): Promise<void> {
  const field = page.getByLabel(label);
  for (let presses = 0; presses < 5; presses += 1) {
    await page.keyboard.press('Tab');
    if (await field.evaluate((element) => element === document.activeElement)) return;
  }
  await expect(field).toBeFocused();
}

test('a prison submits a dossier through the form: identity check digit checked as typed, yuan sent as fen', async ({
  browser,
}) => {
  const page = await newPage(browser, 'fj-p01');
  await page.getByRole('link', { name: '提请减刑、假释' }).click();
  await expect(page.getByTestId('dossier-form')).toBeVisible();
  await page.getByLabel('申请编号').fill(APPLICATION);
  await choose(page, '审理法院', 'FJ-LY-ZY');
  await page.getByLabel('罪犯编号').fill('3508010201');
  await page.getByLabel('罪犯姓名').fill('郑某');
  const personId = page.getByLabel('居民身份证号码');
  await personId.fill(FIRST17.slice(0, 10));
  await expect(page.getByText('还差 8 位')).toBeVisible();
  await personId.fill(WRONG_CHECK);
  await expect(page.getByText(`校验码应为 ${identityCheckCharacter(FIRST17)}，不是 ${WRONG_CHECK[17]}`)).toBeVisible();
  await personId.fill(PERSON_ID);
  await page.getByLabel('判决书案号').fill(JUDGMENT);
  await choose(page, '执行法院', 'FJ-LY-XL');
  await page.getByLabel('应履行金额（元）').fill('15000.5x');
  await page.getByLabel('账户余额（元）').fill('210.50');
  await page.getByLabel('月消费限额（元）').fill('400');
  await page.getByLabel('第 1 月').fill('310.00');
  await page.getByLabel('申报日期').fill(TODAY);
  await page.getByLabel('申报财产（元）').fill('0');
  await page.getByLabel(/不利后果告知日期/).fill(TODAY);
  await page.getByRole('button', { name: /提\s*交/ }).click();
  // The bad amount is refused next to its field, in Chinese, before anything is sent.
  await expect(page.getByText('请输入金额（元），最多两位小数，如 1234.50')).toBeVisible();
  await expect(page.getByTestId('send-result')).toHaveCount(0);
  // The draft survives a reload (kept in this browser).
  await page.reload();
  await expect(page.getByLabel('申请编号')).toHaveValue(APPLICATION);
  await page.getByLabel('应履行金额（元）').fill('15000.00');
  await expectAccessible(page);
  await screenshot(page, 'form-dossier');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expectSent(page);
  // The prison's list shows what the engine says is missing for this application.
  const engine = evaluateCaseValue({ now: new Date().toISOString(), messages: [dossierMessage()] });
  if (!engine.ok) throw new Error('engine');
  expect(engine.value.flag.missingMaterials).toEqual(['THIRD_PARTY_ASSET_STATEMENT']);
  await page.getByRole('link', { name: '案件列表' }).click();
  const row = page.getByRole('row').filter({ hasText: APPLICATION });
  // Named briefly in the cell, in full in its tooltip.
  const missing = row.getByTestId('missing-materials');
  await expect(missing).toHaveText('财产状况证明', { timeout: 20_000 });
  await expect(missing.locator('[title]')).toHaveAttribute(
    'title',
    '有关组织、单位对罪犯实际财产状况的证明（第（三）项）',
  );
  await page.context().close();
});

test('the hearing court sees FLAG with a verification request, as the engine decides on the same facts', async ({
  browser,
}) => {
  judge = await newPage(browser, 'fj-ly-zy');
  await judge.goto(`/cases/${APPLICATION}`);
  const expected = engineDecision([dossierMessage()]);
  expect(expected).toBe('FLAG');
  await expect(judge.locator('[data-decision]').first()).toHaveAttribute('data-decision', expected);
  await expect(judge.getByRole('heading', { name: '核实函' })).toBeVisible();
  await expect(judge.getByRole('cell', { name: JUDGMENT }).first()).toBeVisible();
});

test('the enforcing court answers the request from its list; the open case page turns CLEAR without a reload', async ({
  browser,
}) => {
  const court = await newPage(browser, 'fj-ly-xl');
  await court.goto('/requests');
  const row = court.getByRole('row').filter({ hasText: JUDGMENT });
  await row.getByTestId('answer-request').first().click();
  await expect(court.getByTestId('status-form')).toBeVisible();
  // Pre-filled: the item, the identity from the dossier (masked as the read side masks it for an
  // enforcing court: the full number never reaches this page), version 1, in reply to the request.
  await expect(court.getByLabel('被执行人居民身份证号码')).toHaveValue(maskPersonId(PERSON_ID));
  expect(await court.content()).not.toContain(PERSON_ID);
  await expect(court.getByLabel('应履行金额（元）')).toHaveValue('15000.00');
  await expect(court.getByRole('heading', { name: '答复核实函：报送履行情况' })).toBeVisible();
  await court.getByTestId('add-payment').click();
  await court.getByLabel('票据号').fill('LY2026-000201');
  await court.getByLabel('金额（元）', { exact: true }).fill('15000');
  await choose(court, '缴款人', '亲属代缴');
  await court.getByLabel('缴款日期').fill(TODAY);
  await expectAccessible(court);
  await screenshot(court, 'form-status-answer');
  await court.getByRole('button', { name: '报送履行情况' }).click();
  await expectSent(court);
  await court.context().close();

  const expected = engineDecision([dossierMessage(), statusMessage()]);
  expect(expected).toBe('CLEAR');
  // The judge's page was opened before the answer and is not reloaded by the test.
  await expect(judge.locator('[data-decision]').first()).toHaveAttribute('data-decision', expected, {
    timeout: 20_000,
  });
});

test('the hearing court records GRANTED from the case page, by keyboard', async () => {
  const outcome = judge.getByLabel('裁定结果');
  await outcome.focus();
  await judge.keyboard.press('ArrowDown');
  await judge.keyboard.press('Enter');
  await expect(judge.getByTestId('ruling-form')).toContainText('裁定减刑（假释）');
  await tabTo(judge, '裁定日期');
  await judge.getByLabel('裁定日期').fill(TODAY);
  // The date typed as yyyy-MM-dd in the picker, then Tab on to the ruling number.
  await tabTo(judge, '裁定书文号');
  await judge.keyboard.type('（2026）闽08刑更201号');
  await judge.keyboard.press('Enter');
  await expectSent(judge);
  await expect(judge.getByText('（2026）闽08刑更201号').first()).toBeVisible({ timeout: 20_000 });
  await expectAccessible(judge);
  await screenshot(judge, 'form-ruling');
  await judge.context().close();
});

const CSV = [
  'judgmentId,itemNo,personId,kind,dueFen,payments,asOf,version',
  `${JUDGMENT},1,${PERSON_ID},FINE,1500000,LY2026-000201:1500000:RELATIVE:${TODAY},${new Date().toISOString()},2`,
  `${JUDGMENT},1,${WRONG_CHECK},FINE,1500000,,${new Date().toISOString()},3`,
  `${JUDGMENT},1,${PERSON_ID},FINE,1500000,R9:-5:SELF:${TODAY},${new Date().toISOString()},x`,
].join('\n');

test('an enforcing court uploads a CSV with two bad rows: shown by line (as the CLI parser says), good row sent', async ({
  browser,
}) => {
  const court = await newPage(browser, 'fj-ly-xl');
  await court.getByRole('link', { name: '导入缴款记录' }).click();
  await court
    .getByLabel('选择 CSV 文件')
    .setInputFiles({ name: 'xl.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(court.getByTestId('csv-good')).toHaveText('可发送 1 行');
  await expect(court.getByTestId('csv-bad')).toHaveText('有问题 2 行');
  // The same parser the CLI uses, on the same text: the same bad lines.
  const rows = parseCsvRows(CSV);
  if (typeof rows === 'string') throw new Error(rows);
  const [header, ...records] = rows;
  const badLines = records
    .filter((r) => !checkRow(header!.fields, r, 'FJ-LY-XL', new Date().toISOString(), () => 'x').ok)
    .map((r) => String(r.line));
  expect(badLines).toEqual(['3', '4']);
  const preview = court.getByTestId('csv-preview');
  for (const line of badLines)
    await expect(
      preview.getByRole('row').filter({ has: court.getByRole('cell', { name: line, exact: true }) }),
    ).toContainText(/校验码|整数|金额/);
  await expectAccessible(court);
  await screenshot(court, 'form-csv-upload');
  await court.getByTestId('csv-send').click();
  await expect(court.getByTestId('csv-progress')).toHaveText('已发送 1 / 1 行');
  await expect(court.getByTestId('csv-outcomes')).toHaveText('平台已接收 1 行，退回 0 行', { timeout: 20_000 });
  const download = court.waitForEvent('download');
  await court.getByTestId('csv-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('xl.csv.rejected.csv');
  const text = await (await file.createReadStream()).toArray();
  const rejected = Buffer.concat(text).toString('utf8').trim().split('\n');
  expect(rejected[0]).toBe('sourceLine,problems,judgmentId,itemNo,personId,kind,dueFen,payments,asOf,version');
  expect(rejected.slice(1).map((l) => l.split(',')[0])).toEqual(['3', '4']);
  await court.context().close();
});

test('a rejected message is corrected and resent from the rejections page', async ({ browser }) => {
  const court = await newPage(browser, 'fj-ly-zp');
  await court.getByRole('link', { name: '退回记录' }).click();
  await court.getByTestId('correct-resend').first().click();
  await expect(court.getByTestId('status-form')).toBeVisible();
  const personId = court.getByLabel('被执行人居民身份证号码');
  // The refused identity number is not shown in full to a court: the field is empty, the
  // service's problem next to it; the court types the right number (it knows it: it holds the case).
  await expect(court.getByText(/校验码应为/).first()).toBeVisible();
  await expect(personId).toHaveValue('');
  await personId.fill(story('hiding').prisoner.personId);
  await expectAccessible(court);
  await screenshot(court, 'form-correct-resend');
  await court.getByRole('button', { name: '报送履行情况' }).click();
  await expectSent(court);
  await court.context().close();
});

test('the prison supplements its dossier (Art 5 material added later): the stored version opens, sent as version 2', async ({
  browser,
}) => {
  const page = await newPage(browser, 'fj-p01');
  await page.goto(`/cases/${APPLICATION}`);
  await page.getByRole('link', { name: '补充材料（提交新版本）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`补充材料：${APPLICATION}（第 2 版）`);
  await expect(page.getByLabel('申请编号')).toHaveValue(APPLICATION);
  await expect(page.getByLabel('居民身份证号码')).toHaveValue(PERSON_ID);
  await page.getByLabel('有关组织、单位出具财产状况证明').check();
  await page.getByLabel('证明文号').fill('FJ-P01-TPS-0201');
  await page.getByLabel('出具日期').fill(TODAY);
  await expectAccessible(page);
  await page.getByRole('button', { name: '提交第 2 版' }).click();
  await expectSent(page);
  await page.goto(`/cases/${APPLICATION}`);
  await expect(page.getByText('提请材料第 2 版')).toBeVisible({ timeout: 20_000 });
  await page.context().close();
});

test('nobody sends as another institution or kind: not through the forms, not by calling the API', async ({
  browser,
}) => {
  const prison = await newPage(browser, 'fj-p01');
  // A prison has no status form: the page finds nothing to answer.
  await prison.goto(`/status/new?applicationId=${APPLICATION}&judgmentId=${encodeURIComponent(JUDGMENT)}&itemNo=1`);
  await expect(prison.getByText('找不到该判项')).toBeVisible();
  await expect(prison.getByTestId('status-form')).toHaveCount(0);
  const token = await tokenOf(prison);
  const call = (body: unknown) =>
    prison.evaluate(
      async ([value, bearer]) => {
        const response = await fetch('/api/messages', {
          method: 'POST',
          headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(value),
        });
        return { status: response.status, body: (await response.json()) as { problems?: { path: string }[] } };
      },
      [body, token] as const,
    );
  const ruling = { applicationId: APPLICATION, outcome: 'GRANTED', ruledOn: TODAY, rulingRef: 'X' };
  expect((await call({ schema: 'linkage.ruling.v1', body: ruling })).status).toBe(403);
  expect((await call({ schema: 'linkage.enforcement-status.v1', body: statusMessage().body })).status).toBe(403);
  const forged = await call({
    schema: 'linkage.reduction-dossier.v1',
    body: dossierMessage().body,
    sender: { kind: 'PRISON', id: 'FJ-P02' },
  });
  expect(forged.status).toBe(400);
  expect(forged.body.problems?.map((p) => p.path)).toEqual(['sender']);
  await prison.context().close();
});
