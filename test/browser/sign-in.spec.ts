import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './support.ts';

test('a signed-out visitor is sent to sign-in; a wrong password is refused', async ({ page }) => {
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'sign-in');
  await page.getByLabel('用户名').fill('fj-ly-zy');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
});

test('sign in, switch to English and back, sign out', async ({ page }) => {
  await signIn(page, 'fj-ly-zy');
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByTestId('who')).toContainText('龙岩市中级人民法院');
  await expect(page.getByTestId('who')).toContainText('法官');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByTestId('who')).toContainText('Longyan Intermediate Court');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Commutation and parole cases');
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await page.evaluate(() => sessionStorage.getItem('linkage.token'))).toBeNull();
});
