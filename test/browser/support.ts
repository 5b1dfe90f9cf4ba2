// Helpers of the browser tests: sign in as a demo user, write a screenshot, scan with axe-core.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** The demo's users: username = institution id in lower case, password = "demo-" + username. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(`demo-${username}`);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('who')).toContainText(username);
}

export async function tokenOf(page: Page): Promise<string> {
  return page.evaluate(() => sessionStorage.getItem('linkage.token') ?? '');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/**
 * No serious or critical accessibility violation on the page once it has settled. A help text
 * fading out (antd's form motion) is half transparent for a moment, and axe would judge its
 * contrast mid-fade: wait until no finite animation runs (spinners loop forever; they stay).
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout: 10_000 },
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(bad, bad.join('\n')).toEqual([]);
}
