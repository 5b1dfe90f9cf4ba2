/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test';

/** Presses Tab until the focused element matches, at most `limit` times. */
async function tabTo(page: Page, matches: () => Promise<boolean>, limit = 60): Promise<void> {
  const trail: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    if (await matches()) return;
    trail.push(
      await page.evaluate(
        () => `${document.activeElement?.tagName}:${document.activeElement?.textContent?.trim().slice(0, 20)}`,
      ),
    );
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reached by Tab; focus went through ${trail.join(' > ')}`);
}

/** The text of the focused control; empty when the focus is on the page or a region, not a control. */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || ['BODY', 'MAIN', 'ARTICLE', 'SECTION'].includes(element.tagName)) return '';
    return element.textContent?.trim() ?? '';
  });

test('keyboard only: sign in, reach a case from the list, read it, open the print view, come back', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await expect(page.getByLabel('用户名')).toBeFocused();
  await page.keyboard.type('fj-ly-zy');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo-fj-ly-zy');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('who')).toContainText('fj-ly-zy');

  // The skip link is the first stop and moves the focus to the main region.
  await page.keyboard.press('Tab');
  expect(await focusedText(page)).toBe('跳到主要内容');
  await page.keyboard.press('Enter');
  await tabTo(page, async () => (await focusedText(page)) === 'FJ-P01-2026-0108');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'FJ-P01-2026-0108' })).toBeVisible();

  await tabTo(page, async () => (await focusedText(page)).replace(/\s/g, '') === '打印');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/print$/);
  await tabTo(page, async () => (await focusedText(page)) === '← 返回案件');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'FJ-P01-2026-0108' })).toBeVisible();
  await tabTo(page, async () => (await focusedText(page)) === '← 返回列表');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases$/);
});
