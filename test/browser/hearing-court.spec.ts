import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './support.ts';

const HEARING_COURT_CASES = [
  'FJ-P01-2026-0101',
  'FJ-P02-2026-0102',
  'FJ-P01-2026-0103',
  'FJ-P02-2026-0104',
  'FJ-P01-2026-0105',
  'FJ-P02-2026-0106',
  'FJ-P01-2026-0107',
  'FJ-P01-2026-0108',
];

test('the hearing court lists its applications, filters by decision and searches by prisoner number', async ({
  page,
}) => {
  await signIn(page, 'fj-ly-zy');
  const list = page.getByTestId('case-list');
  for (const id of HEARING_COURT_CASES) await expect(list.getByRole('link', { name: id })).toBeVisible();
  await expect(list.locator('tbody tr')).toHaveCount(HEARING_COURT_CASES.length);
  // Names and identity: the hearing court sees them in full.
  await expect(list).toContainText('林某某');
  // The header's navigation marks the page the court is on.
  await expect(page.getByRole('link', { name: '案件列表' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: '考核' })).not.toHaveAttribute('aria-current');
  await expectAccessible(page);
  await screenshot(page, 'hearing-court-list');

  await page.getByLabel('审查意见').click();
  await page.locator('.ant-select-item-option', { hasText: '有障碍' }).click();
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.getByRole('link', { name: 'FJ-P01-2026-0103' })).toBeVisible();

  await page.getByRole('button', { name: /重\s*置/ }).click();
  await page.getByLabel('申请编号或罪犯编号').fill('3508020104');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.getByRole('link', { name: 'FJ-P02-2026-0104' })).toBeVisible();

  await page.getByLabel('申请编号或罪犯编号').fill('FJ-P02-2026-0106');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.getByRole('link', { name: 'FJ-P02-2026-0106' })).toBeVisible();
});

test('a case that went BLOCK → CLEAR: decision, reasons with articles, remedies, ledger, history with triggers', async ({
  page,
}) => {
  await signIn(page, 'fj-ly-zy');
  await page.getByRole('link', { name: 'FJ-P01-2026-0108' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'FJ-P01-2026-0108' })).toBeVisible();
  await expect(page.locator('[data-decision="CLEAR"]').first()).toHaveText('无障碍');
  await expect(page.locator('[data-reason="PP-SATISFIED"]')).toContainText('财产性判项已全部履行');
  await expect(page.locator('[data-reason="PP-SATISFIED"]')).toContainText(
    '《最高人民法院关于办理减刑、假释案件审查财产性判项执行问题的规定》第二条、第四条',
  );
  await expect(page.getByRole('heading', { name: '如何消除障碍' })).toBeVisible();
  await expect(page.getByText('最早可无障碍日期')).toBeVisible();
  // Items ledger: due 15,000.00 yuan, paid in full, by the Xinluo court.
  await expect(page.getByRole('cell', { name: '15,000.00' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '已履行完毕' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '龙岩市新罗区人民法院' })).toBeVisible();
  // History: revision 2 cleared it, triggered by the court's status; revision 1 blocked it.
  const r2 = page.locator('[data-revision="2"]');
  await expect(r2).toContainText('审查意见：有障碍 → 无障碍');
  await expect(r2).toContainText('新增理由：财产性判项已全部履行');
  await expect(r2).toContainText('理由消除：有履行能力而不履行');
  await expect(r2).toContainText('执行法院报送履行情况（FJ-LY-XL');
  await expect(r2).toContainText('已履行：0.00 元 → 15,000.00 元');
  await expect(page.locator('[data-revision="1"]')).toContainText('有障碍');
  await expect(page.getByText('本次查看已记入调阅记录')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'case-block-then-clear');
});

test('a case with a verification request shows it with its countdown and state', async ({ page }) => {
  await signIn(page, 'fj-ly-zy');
  await page.goto('/cases/FJ-P02-2026-0104');
  await expect(page.getByRole('heading', { name: '核实函' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '缺少履行情况' })).toBeVisible();
  await expect(page.getByText('已答复').first()).toBeVisible();
});

test('the print view: A4 sheet with the court letterhead and the date', async ({ page }) => {
  await signIn(page, 'fj-ly-zy');
  await page.goto('/cases/FJ-P01-2026-0108');
  await page.getByRole('link', { name: /打\s*印/ }).click();
  await expect(page).toHaveURL(/\/cases\/FJ-P01-2026-0108\/print$/);
  const sheet = page.getByTestId('print-sheet');
  await expect(sheet.locator('.letterhead')).toContainText('龙岩市中级人民法院');
  await expect(sheet.locator('.letterhead')).toContainText('财产性判项审查意见');
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
  await expect(sheet.locator('.letterhead')).toContainText(`打印日期：${today}`);
  await expectAccessible(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印本页' })).toBeHidden();
  await screenshot(page, 'print-view');
  await page.pdf({ path: '.data/playwright/print-view.pdf', format: 'A4' });
});
