import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './support.ts';

test('a prison sees only its own applications, in full, and the rejections of what it sent', async ({ page }) => {
  await signIn(page, 'fj-p01');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('本监狱提请的案件');
  const list = page.getByTestId('case-list');
  // FJ-P01's five: 0101, 0103, 0105, 0107 and 0108.
  await expect(list.locator('tbody tr')).toHaveCount(5);
  await expect(list).not.toContainText('FJ-P02-');
  await expect(list).toContainText('林某某');
  // Each application says which Art 5 materials its current flag still misses (or none).
  await expect(list.getByRole('columnheader', { name: '待补材料' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'prison-list');
  await page.getByRole('link', { name: 'FJ-P01-2026-0103' }).click();
  await expect(page.locator('[data-decision="BLOCK"]').first()).toHaveText('有障碍');
  await expect(page.getByText('350802').first()).toBeVisible();
  await page.getByRole('link', { name: '退回记录' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('退回记录（报文不合格）');
  await expect(page.getByRole('cell', { name: 'body.prisoner.personId' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'prison-rejections');
});

test('the procuratorate sees its prison with alerts first, masked identities, overdue requests and the access record', async ({
  page,
  browser,
}) => {
  // Someone at the hearing court opens one of Prison No. 2's cases: it must appear on the record.
  const judge = await browser.newPage();
  await signIn(judge, 'fj-ly-zy');
  await judge.goto('/cases/FJ-P02-2026-0102');
  await expect(judge.getByRole('heading', { level: 1, name: 'FJ-P02-2026-0102' })).toBeVisible();
  await judge.close();

  await signIn(page, 'fj-jc-p02');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('驻监检察');
  const alerts = page.getByTestId('alerts');
  await expect(alerts.getByRole('link', { name: 'FJ-P02-2026-0106' })).toBeVisible();
  await expect(alerts).toContainText('建议撤销');
  const list = page.getByTestId('case-list');
  await expect(list.locator('tbody tr')).toHaveCount(3);
  await expect(list).not.toContainText('FJ-P01-');
  await expect(list).toContainText('王*');
  await expect(list).not.toContainText('王某');
  await expectAccessible(page);
  await screenshot(page, 'procuratorate-list');

  await page.getByRole('link', { name: 'FJ-P02-2026-0106' }).first().click();
  await expect(page.getByText(/3508\*+\d{3}[\dX]/)).toBeVisible();
  await expect(page.getByText('身份信息已按权限脱敏')).toBeVisible();

  await page.getByRole('link', { name: '逾期核实函' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('逾期未复的核实函（按执行法院）');
  await expectAccessible(page);

  await page.getByRole('link', { name: '调阅记录' }).click();
  const record = page.getByRole('table');
  await expect(record).toContainText('fj-ly-zy');
  await expect(record).toContainText('FJ-P02-2026-0102');
  await expect(record).toContainText('fj-jc-p02');
  await expect(record).not.toContainText('FJ-P01-');
  await expectAccessible(page);
  await screenshot(page, 'access-record');
});

test('an enforcing court sees its verification requests by due date with a countdown, and its rejections', async ({
  page,
}) => {
  await signIn(page, 'fj-ly-xl');
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('核实函（按答复期限）');
  const table = page.getByRole('table');
  await expect(table).toContainText('FJ-P02-2026-0104');
  await expect(table).toContainText('已答复');
  await expectAccessible(page);
  await screenshot(page, 'enforcing-court-requests');
  await page.getByRole('link', { name: 'FJ-P02-2026-0104' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'FJ-P02-2026-0104' })).toBeVisible();
  // Identity masked for an enforcing court.
  await expect(page.getByText('身份信息已按权限脱敏')).toBeVisible();
  await page.getByRole('link', { name: '退回记录' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('退回记录（报文不合格）');
});

test('the Zhangping court sees the rejection of its status with the wrong check digit', async ({ page }) => {
  await signIn(page, 'fj-ly-zp');
  await page.getByRole('link', { name: '退回记录' }).click();
  await expect(page.getByRole('cell', { name: 'body.personId' })).toBeVisible();
  await expectAccessible(page);
});
