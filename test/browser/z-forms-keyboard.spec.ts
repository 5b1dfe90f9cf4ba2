// The forms by keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys), in real Chromium: a
// prison's dossier, an enforcing court's answer to the verification request that dossier raises,
// and the court's CSV upload; each scanned with axe-core empty and with its errors shown, every
// error next to its field and wired to it. Then the same version sent twice: the second sender
// is told, in Chinese, that nothing changed (the ingest's StaleOrDuplicate).
// Named to run after the files that count the demo's data: it adds an application.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { maskPersonId } from '../../api/views/masking.ts';
import { identityCheckCharacter } from '../../shared/contract/primitives.ts';
import { statusKey } from '../../shared/storage/keys.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { expectAccessible, screenshot, signIn } from './support.ts';
import {
  chooseByKeyboard,
  demoEngines,
  expectErrorsWired,
  expectFocusVisible,
  focusedName,
  tabTo,
  typeDate,
} from './forms-support.ts';

test.describe.configure({ mode: 'serial' });

const APPLICATION = 'FJ-P02-2026-0301';
const JUDGMENT = '（2021）闽0203刑初301号';
const FIRST17 = '35020319900101301';
const PERSON_ID = `${FIRST17}${identityCheckCharacter(FIRST17)}`;
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const COURT = 'FJ-XM-SM';

async function newPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

async function expectSent(page: Page, state = 'accepted'): Promise<void> {
  await expect(page.getByTestId('send-result')).toHaveAttribute('data-state', state, { timeout: 20_000 });
}

test('a prison fills and submits a dossier by keyboard alone: rows added and removed, dates typed as yyyy-MM-dd', async ({
  browser,
}) => {
  const page = await newPage(browser, 'fj-p02');
  await page.goto('/dossier/new');
  await expect(page.getByTestId('dossier-form')).toBeVisible();
  await expectAccessible(page);

  // Submitting the empty form shows each problem next to its field, wired for screen readers.
  await tabTo(page, '提交');
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByText('请填写申请编号')).toBeVisible();
  expect(await expectErrorsWired(page, 'dossier-form')).toBeGreaterThanOrEqual(5);
  await expectAccessible(page);

  await tabTo(page, '申请编号', { backwards: true });
  await page.keyboard.type(APPLICATION);
  await expectFocusVisible(page);
  // The kind: a radio group, moved with the arrow keys.
  await tabTo(page, '减刑');
  await expectFocusVisible(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '假释' })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: '减刑' })).toBeChecked();
  await tabTo(page, '审理法院');
  await expectFocusVisible(page);
  await chooseByKeyboard(page, 'FJ-LY-ZY');
  await tabTo(page, '罪犯编号');
  await page.keyboard.type('3502030301');
  await page.keyboard.press('Tab');
  await page.keyboard.type('陈某');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('居民身份证号码');
  await page.keyboard.type(PERSON_ID);

  await tabTo(page, '判决书案号');
  await page.keyboard.type(JUDGMENT);
  await page.keyboard.press('Tab');
  await chooseByKeyboard(page, COURT);
  await tabTo(page, '应履行金额（元）');
  await page.keyboard.type('5000');
  // A second item: added by keyboard, the focus lands in it; removed, the focus goes back a row.
  await tabTo(page, '添加判项');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedName(page)).toBe('判项序号');
  await expect(page.getByRole('group', { name: '判项 2' })).toBeVisible();
  await tabTo(page, /删除判项（第 1 份判决判项 2）/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: '判项 2' })).toHaveCount(0);
  await expect.poll(() => focusedName(page)).toBe('删除判项（第 1 份判决判项 1）');

  await tabTo(page, '账户余额（元）');
  await page.keyboard.type('100');
  await page.keyboard.press('Tab');
  await page.keyboard.type('400');
  await tabTo(page, '第 1 月');
  await page.keyboard.type('200');
  await tabTo(page, '添加月份');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedName(page)).toBe('第 2 月');
  await page.keyboard.type('250');
  await tabTo(page, '删除最后一月');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('第 2 月')).toHaveCount(0);
  await expect.poll(() => focusedName(page)).toBe('添加月份');

  await tabTo(page, '申报日期');
  await expectFocusVisible(page);
  await typeDate(page, TODAY);
  await expect(page.getByLabel('申报日期')).toHaveValue(TODAY);
  await tabTo(page, '申报财产（元）');
  await page.keyboard.type('0');
  await tabTo(page, /不利后果告知日期/);
  await typeDate(page, TODAY);
  // A checkbox, ticked with Space, opens its fields; Space again closes them.
  await tabTo(page, '有关组织、单位出具财产状况证明');
  await expectFocusVisible(page);
  await page.keyboard.press('Space');
  await expect(page.getByLabel('证明文号')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('证明文号')).toHaveCount(0);

  await expectErrorsWired(page, 'dossier-form');
  await screenshot(page, 'form-dossier-keyboard');
  await tabTo(page, '提交');
  await page.keyboard.press('Enter');
  await expectSent(page);
  await expectAccessible(page);
  await page.context().close();
});

test('the enforcing court answers the request by keyboard alone; the identity number stays masked', async ({
  browser,
}) => {
  const court = await newPage(browser, 'fj-xm-sm');
  await court.goto('/requests');
  // The dossier above names this court and no status: the service asked it for one.
  await expect(court.getByRole('row').filter({ hasText: JUDGMENT }).first()).toBeVisible({ timeout: 20_000 });
  await tabTo(court, /^答复/);
  await expectFocusVisible(court);
  await court.keyboard.press('Enter');
  await expect(court.getByTestId('status-form')).toBeVisible();
  await expect(court.getByRole('heading', { name: '答复核实函：报送履行情况' })).toBeVisible();
  // Masked as the read side masks it for an enforcing court; the full number is not on the page.
  await expect(court.getByLabel('被执行人居民身份证号码')).toHaveValue(maskPersonId(PERSON_ID));
  await expect(court.getByText('陈*（罪犯编号 3502030301）')).toBeVisible();
  expect(await court.content()).not.toContain(PERSON_ID);
  await expectAccessible(court);

  await tabTo(court, '添加缴款记录');
  await expectFocusVisible(court);
  await court.keyboard.press('Enter');
  await expect.poll(() => focusedName(court)).toBe('票据号');
  // Sent with the row empty: the problems next to the row's fields.
  await tabTo(court, '报送履行情况');
  await court.keyboard.press('Enter');
  await expect(court.getByText('请填写票据号')).toBeVisible();
  expect(await expectErrorsWired(court, 'status-form')).toBeGreaterThanOrEqual(3);
  await expectAccessible(court);
  await screenshot(court, 'form-status-errors');

  await tabTo(court, '票据号', { backwards: true });
  await court.keyboard.type('XM2026-000301');
  await court.keyboard.press('Tab');
  await court.keyboard.type('5000');
  await court.keyboard.press('Tab');
  await chooseByKeyboard(court, '亲属代缴');
  await court.keyboard.press('Tab');
  expect(await focusedName(court)).toBe('缴款日期');
  await typeDate(court, TODAY);
  await expect(court.getByLabel('缴款日期')).toHaveValue(TODAY);
  // A second row, added and removed again by keyboard.
  await tabTo(court, '添加缴款记录');
  await court.keyboard.press('Enter');
  await expect(court.getByRole('group', { name: '第 2 笔缴款' })).toBeVisible();
  await expect.poll(() => focusedName(court)).toBe('票据号');
  await tabTo(court, '删除第 2 笔缴款');
  await court.keyboard.press('Enter');
  await expect(court.getByRole('group', { name: '第 2 笔缴款' })).toHaveCount(0);
  await expect.poll(() => focusedName(court)).toBe('删除第 1 笔缴款');
  await expectFocusVisible(court);

  await tabTo(court, '已完成财产查控');
  await court.keyboard.press('Space');
  await tabTo(court, '查控完成日期');
  await typeDate(court, TODAY);
  await expectErrorsWired(court, 'status-form');
  await tabTo(court, '报送履行情况');
  await court.keyboard.press('Enter');
  await expectSent(court);

  // What was stored carries the full number, filled in by the service, never shown here.
  const { endpoints, db } = demoEngines();
  const stored = await db.send(
    new GetCommand({ TableName: tableName(endpoints.stage, 'cases'), Key: statusKey(PERSON_ID, JUDGMENT, 1) }),
  );
  expect(stored.Item).toMatchObject({ senderId: COURT, version: 1 });
  expect((stored.Item as { body: { personId: string } }).body.personId).toBe(PERSON_ID);
  await court.context().close();
});

test('the same version sent twice: the second clerk sees at once that nothing changed', async ({ browser }) => {
  const form = `/status/new?applicationId=${APPLICATION}&judgmentId=${encodeURIComponent(JUDGMENT)}&itemNo=1`;
  const first = await newPage(browser, 'fj-xm-sm');
  const second = await newPage(browser, 'fj-xm-sm');
  await first.goto(form);
  await second.goto(form);
  // Both opened the item at its next version, 2.
  await expect(first.getByTestId('status-version')).toHaveText('2');
  await expect(second.getByTestId('status-version')).toHaveText('2');
  await first.getByRole('button', { name: '报送履行情况' }).click();
  await expectSent(first);
  const started = Date.now();
  await second.getByRole('button', { name: '报送履行情况' }).click();
  await expectSent(second, 'stale');
  const seconds = (Date.now() - started) / 1000;
  expect(seconds).toBeLessThan(10);
  await expect(second.getByTestId('send-result')).toContainText('平台已收到过同一版本（第 2 版），本次未作更改');
  await expectAccessible(second);
  await screenshot(second, 'form-status-same-version');
  await first.context().close();
  await second.context().close();
});

test('the court uploads a CSV by keyboard alone: the file chosen with Space, bad rows by line, a repeat shown as unchanged', async ({
  browser,
}) => {
  const court = await newPage(browser, 'fj-xm-sm');
  await court.goto('/statuses/upload');
  await expectAccessible(court);
  const asOf = new Date().toISOString();
  const csv = [
    'judgmentId,itemNo,personId,kind,dueFen,payments,asOf,version',
    // Version 2 is stored already (the test above): unchanged.
    `${JUDGMENT},1,${PERSON_ID},FINE,500000,XM2026-000301:500000:RELATIVE:${TODAY},${asOf},2`,
    `${JUDGMENT},1,${PERSON_ID},FINE,500000,XM2026-000301:500000:RELATIVE:${TODAY},${asOf},3`,
    `${JUDGMENT},1,${PERSON_ID},FINE,500000,R9:-5:SELF:${TODAY},${asOf},4`,
  ].join('\n');
  await tabTo(court, '选择 CSV 文件');
  await expectFocusVisible(court);
  const chooser = court.waitForEvent('filechooser');
  await court.keyboard.press('Space');
  await (await chooser).setFiles({ name: 'sm.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(court.getByTestId('csv-bad')).toHaveText('有问题 1 行');
  await expect(court.getByTestId('csv-row-problems')).toContainText('金额必须大于零');
  await expectAccessible(court);
  await tabTo(court, '发送无误的行');
  await expectFocusVisible(court);
  await court.keyboard.press('Enter');
  await expect(court.getByTestId('csv-outcomes')).toHaveText(
    '平台已接收 1 行，退回 0 行，1 行为已收到的同一或更早版本（未作更改）',
    { timeout: 20_000 },
  );
  await tabTo(court, /下载问题行/);
  const download = court.waitForEvent('download');
  await court.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toBe('sm.csv.rejected.csv');
  await court.context().close();
});
