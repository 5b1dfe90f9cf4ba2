// The operators' dead-letter page, on the demo's running service: a message that failed lands
// in a dead-letter queue with its last error; the operator sees it (identities masked), redrives
// it, and the queue is empty. Institution users get 404 from the same API.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { expect, test } from '@playwright/test';
import { inboundQueue } from '../../shared/resources/queues.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { recordFailure } from '../../shared/storage/failure-store.ts';
import { DEMO_DATA_DIR } from './playwright.config.ts';
import { expectAccessible, screenshot, signIn, tokenOf } from './support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Xiamen Siming court's inbound queue: no other browser test looks at that court. */
const INSTITUTION = 'FJ-XM-SM';
const PERSON_ID = '350802198502111089';

function engines() {
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
    dynamodb: new DynamoDBClient({ ...common, endpoint: endpoints.dynamodbEndpoint }),
  };
}

test('an operator sees a dead letter with its error, masked, and redrives it', async ({ page }) => {
  const { endpoints, sqs, dynamodb } = engines();
  const queue = inboundQueue(endpoints.stage, INSTITUTION);
  const dlqUrl = `${endpoints.queueUrlBase}/${queue.dlqName}`;
  const depth = async () => {
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: dlqUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
  };
  try {
    // As the ingest leaves a message it gave up on: in the DLQ, its last error in the quarantine table.
    const body = JSON.stringify({
      schema: 'linkage.enforcement-status.v1',
      messageId: 'XM-SM:status:dead-letter-test',
      sender: { kind: 'ENFORCING_COURT', id: INSTITUTION },
      body: { prisoner: { personId: PERSON_ID, name: '林某某' } },
    });
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: dlqUrl, MessageBody: body }));
    await recordFailure(
      createDocumentClient(dynamodb),
      tableName(endpoints.stage, 'quarantine'),
      {
        queue: queue.name,
        sqsMessageId: sent.MessageId!,
        receiveCount: 5,
        failedAt: new Date().toISOString(),
        functionName: `linkage-${endpoints.stage}-ingest-statuses`,
      },
      new Error('ProvisionedThroughputExceededException: the cases table throttled the write'),
    );

    await signIn(page, 'ops');
    await expect(page).toHaveURL(/\/operations$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('死信队列（处理失败的报文）');
    const row = page.getByTestId('dead-letter-queues').locator('tr', { hasText: queue.dlqName });
    await expect(row).toContainText('1');
    await row.getByRole('button', { name: '查看' }).click();
    const letters = page.getByTestId('dead-letters');
    await expect(letters).toContainText('XM-SM:status:dead-letter-test');
    await expect(letters).toContainText('the cases table throttled the write');
    await expect(letters).toContainText('第 5 次接收时失败');
    // No identity reaches an operator's screen.
    await expect(letters).not.toContainText(PERSON_ID);
    await expect(letters).not.toContainText('林某某');
    await expectAccessible(page);
    await screenshot(page, 'operator-dead-letters');

    // A redrive the API cannot carry out (here: its answer replaced by a 503) says so, and
    // the message stays where it was.
    await page.route('**/redrive', (route) => route.fulfill({ status: 503, json: { error: 'queue unavailable' } }));
    await row.getByRole('button', { name: '重新投递' }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(page.getByRole('alert')).toContainText('重新投递失败（queue unavailable）');
    expect(await depth()).toBe(1);
    await expect(page.locator('.ant-popconfirm')).toBeHidden();
    await screenshot(page, 'operator-redrive-failed');
    await page.unroute('**/redrive');

    await row.getByRole('button', { name: '重新投递' }).click();
    // The API's answer, awaited as such: on a slow machine the redrive alone may outlast the
    // 10 s of an expectation, and a failed one must fail here with its status and body.
    const answered = page.waitForResponse((r) => r.url().endsWith('/redrive'), { timeout: 45_000 });
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    const answer = await answered;
    expect(answer.status(), await answer.text()).toBe(200);
    await expect(page.getByRole('status')).toContainText(`已重新投递 1 条报文到 ${queue.name}`);
    await expect(page.getByTestId('dead-letter-queues')).not.toContainText(queue.dlqName);
    expect(await depth()).toBe(0);
  } finally {
    sqs.destroy();
    dynamodb.destroy();
  }
});

test('institution users get 404 from the operators API, and operators see no case', async ({ page }) => {
  await signIn(page, 'fj-ly-zy');
  const judge = await tokenOf(page);
  for (const path of ['/api/operations/dead-letters', `/api/operations/dead-letters/linkage-x-in-${INSTITUTION}`])
    expect((await page.request.get(path, { headers: { Authorization: `Bearer ${judge}` } })).status(), path).toBe(404);
  const redrive = await page.request.post(`/api/operations/dead-letters/linkage-x-in-${INSTITUTION}/redrive`, {
    headers: { Authorization: `Bearer ${judge}` },
  });
  expect(redrive.status()).toBe(404);

  await signIn(page, 'ops');
  const ops = await tokenOf(page);
  const cases = await page.request.get('/api/cases?limit=20', { headers: { Authorization: `Bearer ${ops}` } });
  expect(((await cases.json()) as { rows: unknown[] }).rows).toEqual([]);
  const one = await page.request.get('/api/cases/FJ-P01-2026-0108', { headers: { Authorization: `Bearer ${ops}` } });
  expect(one.status()).toBe(404);
});
