import { expect, test } from '@playwright/test';
import { signIn, tokenOf } from './support.ts';

test("a prison opening another prison's case by URL or through the API gets 404", async ({ page }) => {
  await signIn(page, 'fj-p01');
  await page.goto('/cases/FJ-P02-2026-0102');
  await expect(page.getByTestId('case-error')).toContainText('未找到该案件，或您无权查看');
  await expect(page.getByText('福建省第二监狱')).toHaveCount(0);
  await expect(page.getByText('Fujian Provincial Prison No. 2')).toHaveCount(0);
  const token = await tokenOf(page);
  const other = await page.request.get('/api/cases/FJ-P02-2026-0102', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(other.status()).toBe(404);
  expect(await other.json()).toEqual({ error: 'not found' });
  const unknown = await page.request.get('/api/cases/FJ-P09-2026-9999', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(await unknown.json()).toEqual(await other.json());
  const own = await page.request.get('/api/cases/FJ-P01-2026-0101', { headers: { Authorization: `Bearer ${token}` } });
  expect(own.status()).toBe(200);
});

test('an enforcing court opening a case enforced by another court gets 404, by URL and by API', async ({ page }) => {
  await signIn(page, 'fj-ly-xl');
  // FJ-P01-2026-0105's fine is enforced by the Siming court, not Xinluo.
  await page.goto('/cases/FJ-P01-2026-0105');
  await expect(page.getByTestId('case-error')).toContainText('未找到该案件');
  const token = await tokenOf(page);
  const response = await page.request.get('/api/cases/FJ-P01-2026-0105', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(404);
  const print = await page.request.get('/api/cases/FJ-P01-2026-0105?purpose=print', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(print.status()).toBe(404);
});

test('the API refuses a request without a token, and a token altered by the browser', async ({ page }) => {
  expect((await page.request.get('/api/cases')).status()).toBe(401);
  await signIn(page, 'fj-p01');
  const token = await tokenOf(page);
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, institution: 'FJ-P02' })).toString('base64url');
  const response = await page.request.get('/api/cases', {
    headers: { Authorization: `Bearer ${header}.${forged}.${signature}` },
  });
  expect(response.status()).toBe(401);
});
