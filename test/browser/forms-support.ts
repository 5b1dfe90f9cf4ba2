/// <reference lib="dom" />
// Helpers of the forms' browser tests: moving by keyboard alone (Tab / Shift+Tab until a named
// control has the focus), checking that the focus is visible, that every error sits next to its
// field and is wired to it (aria-describedby, aria-invalid), and reaching the demo's engines to
// put a message on a queue as an integrated system would.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { expect, type Page } from '@playwright/test';
import { inboundQueue } from '../../shared/resources/queues.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { DEMO_DATA_DIR } from './playwright.config.ts';

/** The accessible name of the focused control: aria-label, its label, or its text. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const byFor = element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`) : null;
    const text =
      element.getAttribute('aria-label') ??
      byFor?.textContent ??
      element.closest('label')?.textContent ??
      element.textContent ??
      '';
    return text.replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focused control's name matches; fails with the path taken. */
export async function tabTo(
  page: Page,
  name: string | RegExp,
  options: { backwards?: boolean; limit?: number } = {},
): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const trail: string[] = [];
  for (let i = 0; i < (options.limit ?? 80); i += 1) {
    const current = await focusedName(page);
    if (matches(current)) return;
    trail.push(current.slice(0, 24));
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`"${String(name)}" not reached by ${options.backwards ? 'Shift+Tab' : 'Tab'}: ${trail.join(' > ')}`);
}

/** The focused control (or the antd wrapper drawn around it) shows a focus ring. */
export async function expectFocusVisible(page: Page): Promise<void> {
  // Polled: antd's controls transition `all`, so the ring grows in over ~0.3 s.
  await expect.poll(() => focusRing(page), { timeout: 3000 }).toBe('visible');
}

function focusRing(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'nothing focused';
    const drawn = [
      element,
      element.closest('.ant-input-affix-wrapper, .ant-input-number, .ant-select, .ant-picker'),
      // A radio's or checkbox's ring is drawn on the box around its (invisible) input.
      element.matches('[type="radio"], [type="checkbox"]') ? element.parentElement : null,
    ].filter((e): e is Element => e !== null);
    const visible = drawn.some((e) => {
      const style = getComputedStyle(e);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    });
    const seen = drawn.map((e) => `${e.className}: ${getComputedStyle(e).outline}`).join('; ');
    return visible ? 'visible' : `no focus ring on ${element.tagName}#${element.id} (${seen})`;
  });
}

/** Opens the focused select with the keyboard and picks the option whose text contains `text`. */
export async function chooseByKeyboard(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 12; i += 1) {
    const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
    if ((await active.count()) > 0 && (await active.first().textContent())?.includes(text)) {
      await page.keyboard.press('Enter');
      // As a person would: the list closes before the next key (a Tab while it closes stays put).
      await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option "${text}" reached with the arrow keys`);
}

/** Types a date into the focused date picker (yyyy-MM-dd) and commits it with Enter. */
export async function typeDate(page: Page, date: string): Promise<void> {
  await page.keyboard.type(date);
  await page.keyboard.press('Enter');
}

/**
 * Every error shown in the form sits in its own field's form item, and the control is wired to
 * it (aria-describedby names the error's element, aria-invalid is true); every field has a
 * label with Chinese text. Returns how many errors were shown.
 */
export async function expectErrorsWired(page: Page, formTestId: string): Promise<number> {
  const report = await page.getByTestId(formTestId).evaluate((form) => {
    const problems: string[] = [];
    const errors = [...form.querySelectorAll('.ant-form-item-explain-error')];
    for (const error of errors) {
      const help = error.closest('[id$="_help"]');
      if (!help) {
        problems.push(`error "${error.textContent}" has no id to be described by`);
        continue;
      }
      const control = form.querySelector(`[aria-describedby~="${CSS.escape(help.id)}"]`);
      if (!control) problems.push(`no control is described by ${help.id} ("${error.textContent}")`);
      else if (control.getAttribute('aria-invalid') !== 'true') problems.push(`${help.id}: control not aria-invalid`);
      else if (control.closest('.ant-form-item') !== help.closest('.ant-form-item'))
        problems.push(`${help.id}: the error is not next to its field`);
    }
    const chinese = /[\u4e00-\u9fff]/;
    for (const control of form.querySelectorAll<HTMLElement>(
      'input:not([type="hidden"]):not([type="file"]), textarea, [role="radiogroup"]',
    )) {
      if (control.getClientRects().length === 0) continue; // not shown (a hidden form item)
      const label =
        (control.id && form.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent) ||
        control.closest('label')?.textContent ||
        control.getAttribute('aria-label') ||
        '';
      if (!chinese.test(label)) problems.push(`${control.tagName}#${control.id} has no Chinese label`);
    }
    return { count: errors.length, problems };
  });
  expect(report.problems).toEqual([]);
  return report.count;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The demo's engines, as operations.spec.ts reaches them. */
export function demoEngines() {
  const endpoints = JSON.parse(readFileSync(`${ROOT}${DEMO_DATA_DIR}/endpoints.json`, 'utf8')) as {
    stage: string;
    region: string;
    dynamodbEndpoint: string;
    sqsEndpoint: string;
    queueUrlBase: string;
  };
  const common = { region: endpoints.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  return {
    endpoints,
    sqs: new SQSClient({ ...common, endpoint: endpoints.sqsEndpoint }),
    db: createDocumentClient(new DynamoDBClient({ ...common, endpoint: endpoints.dynamodbEndpoint })),
  };
}

/** Puts a message on an institution's inbound queue, as its own system would (no console). */
export async function sendAsSystem(institutionId: string, message: unknown): Promise<void> {
  const { endpoints, sqs } = demoEngines();
  const queue = inboundQueue(endpoints.stage, institutionId);
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: `${endpoints.queueUrlBase}/${queue.name}`,
      MessageBody: JSON.stringify(message),
    }),
  );
}
