// "Correct and resend" for every kind an institution sends, in real Chromium: a message its own
// system sent is refused; on the rejections page the right form opens pre-filled with the refused
// content (from quarantine) and its problems next to the fields; corrected and resent, it is
// accepted. A status refused at a version the item has since passed goes out at the next one.
// Named to run after the files that count the demo's data: it changes the demo's cases.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { maskPersonId } from '../../api/views/masking.ts';
import { identityNumber } from '../../local/demo/messages.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { statusKey } from '../../shared/storage/keys.ts';
import { demoEngines, sendAsSystem, typeDate } from './forms-support.ts';
import { expectAccessible, screenshot, signIn } from './support.ts';

test.describe.configure({ mode: 'serial' });

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** The demo's BLOCK → CLEAR case (local/demo/console-story.ts): its court stored versions 1 and 2. */
const APPLICATION = 'FJ-P01-2026-0108';
const JUDGMENT = '(2022)闽0802刑初77号';
const PERSON_ID = identityNumber('350802', '1985-02-11', 108);

async function newPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username);
  return page;
}

async function rejectionRow(page: Page, messageId: string) {
  await page.goto('/rejections');
  const row = page.getByRole('row').filter({ hasText: messageId });
  await expect(row).toBeVisible({ timeout: 20_000 });
  return row;
}

async function openCorrection(page: Page, messageId: string): Promise<void> {
  await (await rejectionRow(page, messageId)).getByTestId('correct-resend').click();
}

async function expectAccepted(page: Page): Promise<void> {
  await expect(page.getByTestId('send-result')).toHaveAttribute('data-state', 'accepted', { timeout: 20_000 });
}

test('a refused status opens the status form pre-filled, identity masked, at the version after the stored one; resent, accepted', async ({
  browser,
}) => {
  const messageId = 'FJ-LY-XL:status:0108:refused-amount';
  await sendAsSystem('FJ-LY-XL', {
    schema: 'linkage.enforcement-status.v1',
    messageId,
    sentAt: new Date().toISOString(),
    sender: { kind: 'ENFORCING_COURT', id: 'FJ-LY-XL' },
    body: {
      judgmentId: JUDGMENT,
      itemNo: 1,
      personId: PERSON_ID,
      kind: 'FINE',
      dueFen: 1_500_000,
      payments: [{ receiptNo: 'LY2026-010801', amountFen: -5, payer: 'SELF', paidOn: TODAY }],
      conduct: [],
      documents: [],
      // Not an instant: a problem no field of the form shows (the resend is as of now).
      asOf: 'yesterday',
      version: 1,
    },
  });
  const court = await newPage(browser, 'fj-ly-xl');
  // The original as received, beside its problems; the court sees the identity number masked.
  const row = await rejectionRow(court, messageId);
  await row.getByRole('button', { name: '查看原报文' }).click();
  const original = row.getByTestId('original-message');
  await expect(original).toContainText(messageId);
  await expect(original).toContainText(maskPersonId(PERSON_ID));
  await expect(original).not.toContainText(PERSON_ID);
  await expectAccessible(court);
  await row.getByTestId('correct-resend').click();
  await expect(court.getByTestId('status-form')).toBeVisible();
  // Version 1 was refused and the item is at version 2 now: the resend goes out as 3.
  await expect(court.getByTestId('status-version')).toHaveText('3');
  await expect(court.getByLabel('被执行人居民身份证号码')).toHaveValue(maskPersonId(PERSON_ID));
  expect(await court.content()).not.toContain(PERSON_ID);
  const amount = court.getByLabel('金额（元）', { exact: true });
  await expect(amount).toHaveValue('-5');
  await expect(court.getByText('金额必须大于零')).toBeVisible();
  await expect(court.getByLabel('票据号')).toHaveValue('LY2026-010801');
  await expect(court.getByLabel('缴款日期')).toHaveValue(TODAY);
  await expect(court.getByTestId('problems-elsewhere')).toContainText('body.asOf');
  await expectAccessible(court);
  await amount.fill('15000');
  await court.getByRole('button', { name: '报送履行情况' }).click();
  await expectAccepted(court);
  await court.context().close();
  const { endpoints, db } = demoEngines();
  const stored = await db.send(
    new GetCommand({ TableName: tableName(endpoints.stage, 'cases'), Key: statusKey(PERSON_ID, JUDGMENT, 1) }),
  );
  expect(stored.Item).toMatchObject({ senderId: 'FJ-LY-XL', version: 3 });
  const body = (stored.Item as { body: { personId: string; payments: { amountFen: number }[] } }).body;
  expect(body.personId).toBe(PERSON_ID);
  expect(body.payments.map((p) => p.amountFen)).toEqual([1_500_000]);
});

test("a refused dossier (the demo's, a wrong check digit) opens the dossier form pre-filled; corrected, accepted", async ({
  browser,
}) => {
  const prison = await newPage(browser, 'fj-p01');
  await openCorrection(prison, 'FJ-P01:dossier:typo:v1');
  await expect(prison.getByTestId('dossier-form')).toBeVisible();
  await expect(prison.getByRole('heading', { level: 1 })).toHaveText('更正后重发：提请减刑、假释建议（第 1 版）');
  await expect(prison.getByLabel('申请编号')).toHaveValue('FJ-P01-2026-0199');
  await expect(prison.getByLabel('判决书案号')).toHaveValue(JUDGMENT);
  // A prison sees identity numbers: the refused one as sent, the problem next to it.
  const personId = prison.getByLabel('居民身份证号码');
  await expect(personId).toHaveValue(`${PERSON_ID.slice(0, 17)}X`);
  await expect(prison.getByText(/校验码应为/).first()).toBeVisible();
  await expectAccessible(prison);
  await personId.fill(PERSON_ID);
  await prison.getByRole('button', { name: '提交' }).click();
  await expectAccepted(prison);
  await prison.context().close();
});

test('a refused ruling opens the ruling form pre-filled (not the case page); the date corrected by keyboard, accepted', async ({
  browser,
}) => {
  const messageId = 'FJ-LY-ZY:ruling:0108:refused-date';
  const rulingRef = '（2026）闽08刑更0108号';
  await sendAsSystem('FJ-LY-ZY', {
    schema: 'linkage.ruling.v1',
    messageId,
    sentAt: new Date().toISOString(),
    sender: { kind: 'HEARING_COURT', id: 'FJ-LY-ZY' },
    body: { applicationId: APPLICATION, outcome: 'GRANTED', ruledOn: '2026-02-30', rulingRef },
  });
  const judge = await newPage(browser, 'fj-ly-zy');
  await openCorrection(judge, messageId);
  await expect(judge).toHaveURL(/\/ruling\/new$/);
  await expect(judge.getByRole('heading', { level: 1 })).toHaveText('更正后重发：裁定结果');
  await expect(judge.getByLabel('申请编号')).toHaveValue(APPLICATION);
  await expect(judge.getByLabel('裁定书文号')).toHaveValue(rulingRef);
  await expect(judge.getByTestId('ruling-form')).toContainText('裁定减刑（假释）');
  // The impossible date is not shown as another day; the problem says what was wrong.
  await expect(judge.getByLabel('裁定日期')).toHaveValue('');
  await expect(judge.getByText('2026-02-30 不是有效日期')).toBeVisible();
  await expectAccessible(judge);
  await screenshot(judge, 'form-ruling-resend');
  await judge.getByLabel('裁定日期').focus();
  await typeDate(judge, TODAY);
  await expect(judge.getByLabel('裁定日期')).toHaveValue(TODAY);
  await judge.getByRole('button', { name: '提交裁定' }).click();
  await expectAccepted(judge);
  await judge.goto(`/cases/${APPLICATION}`);
  await expect(judge.getByText(rulingRef).first()).toBeVisible({ timeout: 20_000 });
  await judge.context().close();
});
