// The local event-source runner against the real embedded SQS engine, with a recording
// handler module: what gets deleted, redelivered and dead-lettered, FIFO order, batching,
// the event and context handed over, and how many batches of a function run at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateQueue, inboundQueue } from '../../shared/resources/queues.ts';
import { destroyClients, localClients, type LocalClients } from '../../local/clients.ts';
import { LOCAL_ACCOUNT_ID, startEngines, type Engines } from '../../local/engines.ts';
import { endpointsOf, LOCAL_STAGE } from '../../local/environment.ts';
import type { LocalFunction } from '../../local/functions.ts';
import { provision } from '../../local/provision.ts';
import { REGISTRY } from '../../local/registry.ts';
import { EventSourceRunner, type Invocation } from '../../local/runner.ts';
import { recorder, type RecordedInvocation } from './fixtures/recording-handler.ts';

const fixture = new URL('./fixtures/recording-handler.ts', import.meta.url);
const statusQueues = [inboundQueue(LOCAL_STAGE, 'FJ-LY-XL'), inboundQueue(LOCAL_STAGE, 'FJ-LY-ZP')];
const fifoQueue = evaluateQueue(LOCAL_STAGE);
const FUNCTIONS: LocalFunction[] = [
  {
    name: 'ingest-status',
    module: fixture,
    timeoutSeconds: 30,
    trigger: { kind: 'sqs', queues: () => statusQueues, batchSize: 10, batchingWindowSeconds: 1, maxConcurrency: 1 },
  },
  {
    name: 'evaluate',
    module: fixture,
    timeoutSeconds: 60,
    trigger: { kind: 'sqs', queues: () => [fifoQueue], batchSize: 10, batchingWindowSeconds: 0, maxConcurrency: 5 },
  },
  { name: 'sweep-deadlines', module: fixture, timeoutSeconds: 60, trigger: { kind: 'schedule', rateMinutes: 15 } },
];

let dataDir: string;
let engines: Engines;
let clients: LocalClients;
let runner: EventSourceRunner;
const invocations: Invocation[] = [];
const url = (name: string) => `${engines.queueUrlBase}/${name}`;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'linkage-runner-'));
  engines = await startEngines({ dataDir });
  clients = localClients(endpointsOf(engines));
  await provision(clients, LOCAL_STAGE, REGISTRY);
  runner = await EventSourceRunner.start({
    sqs: clients.sqs,
    stage: LOCAL_STAGE,
    region: 'us-east-1',
    accountId: LOCAL_ACCOUNT_ID,
    registry: REGISTRY,
    queueUrlBase: engines.queueUrlBase,
    functions: FUNCTIONS,
    sweepIntervalMs: null,
    waitTimeSeconds: 1,
    failedVisibilitySeconds: 1,
    onInvocation: (invocation) => invocations.push(invocation),
  });
});

afterAll(async () => {
  await runner?.stop();
  if (clients) destroyClients(clients);
  await engines?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  recorder().invocations.length = 0;
  invocations.length = 0;
});

const sqsEvents = () =>
  recorder()
    .invocations.map((i) => i.event)
    .filter((e): e is SQSEvent => Array.isArray((e as SQSEvent).Records));
const deliveriesOf = (id: string) =>
  sqsEvents()
    .flatMap((e) => e.Records)
    .filter((r) => (JSON.parse(r.body) as { id: string }).id === id);

async function dlqMessages(queueName: string): Promise<string[]> {
  const response = await clients.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url(queueName), MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
  );
  return (response.Messages ?? []).map((m) => (JSON.parse(m.Body!) as { id: string }).id);
}

describe('local event-source runner', () => {
  it('hands over a real SQSEvent and Context, batching within the window', async () => {
    const queue = statusQueues[0]!;
    for (const id of ['a1', 'a2', 'a3']) {
      await clients.sqs.send(
        new SendMessageCommand({ QueueUrl: url(queue.name), MessageBody: JSON.stringify({ id }) }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await runner.waitUntilQuiet(20_000);
    const events = sqsEvents();
    expect(events).toHaveLength(1);
    const [record] = events[0]!.Records;
    expect(events[0]!.Records.map((r) => JSON.parse(r.body).id)).toEqual(['a1', 'a2', 'a3']);
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:us-east-1:${LOCAL_ACCOUNT_ID}:${queue.name}`,
      awsRegion: 'us-east-1',
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(Number(record!.attributes.SentTimestamp)).toBeGreaterThan(Date.now() - 60_000);
    expect(record!.receiptHandle).toBeTruthy();
    expect(record!.md5OfBody).toMatch(/^[0-9a-f]{32}$/);
    const [invocation] = recorder().invocations;
    expect(invocation!.functionName).toBe('linkage-local-ingest-status');
    expect(invocation!.remainingMs).toBeGreaterThan(25_000);
    expect(invocation!.remainingMs).toBeLessThanOrEqual(30_000);
  });

  it('deletes only the records not reported as failures; a failure is retried, then dead-lettered', async () => {
    const queue = statusQueues[1]!;
    await clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url(queue.name),
        Entries: ['ok1', 'bad', 'ok2'].map((id) => ({
          Id: id,
          MessageBody: JSON.stringify({ id, action: id === 'bad' ? 'fail' : 'ok' }),
        })),
      }),
    );
    await waitFor(async () => (await dlqMessages(queue.dlqName)).includes('bad'), 30_000);
    expect(deliveriesOf('ok1')).toHaveLength(1);
    expect(deliveriesOf('ok2')).toHaveLength(1);
    // maxReceiveCount 4 from the shared definition: four deliveries, then the DLQ.
    expect(deliveriesOf('bad').map((r) => r.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3', '4']);
  });

  it('deletes nothing when the handler throws', async () => {
    const queue = statusQueues[0]!;
    await clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url(queue.name),
        Entries: [
          { Id: 'x', MessageBody: JSON.stringify({ id: 'boom', action: 'throw' }) },
          { Id: 'y', MessageBody: JSON.stringify({ id: 'bystander' }) },
        ],
      }),
    );
    await waitFor(async () => deliveriesOf('bystander').length >= 2, 20_000);
    expect(invocations.some((i) => i.error?.includes('asked to throw'))).toBe(true);
    // The bystander shared a failed batch, so it came back too (the visibility timeout at work).
    expect(deliveriesOf('bystander')[1]!.attributes.ApproximateReceiveCount).toBe('2');
  });

  it('keeps FIFO group order, never runs one group in two batches at once, and stays within the concurrency', async () => {
    const sends = [];
    for (let n = 0; n < 12; n += 1) {
      for (const group of ['g1', 'g2']) {
        sends.push({
          Id: `${group}-${n}`,
          MessageBody: JSON.stringify({ id: `${group}-${n}`, sleepMs: 20 }),
          MessageGroupId: group,
          MessageDeduplicationId: `${group}-${n}-${Date.now()}`,
        });
      }
    }
    for (let i = 0; i < sends.length; i += 10) {
      await clients.sqs.send(
        new SendMessageBatchCommand({ QueueUrl: url(fifoQueue.name), Entries: sends.slice(i, i + 10) }),
      );
    }
    // Meanwhile both status queues feed the other function: their pollers run side by side.
    await Promise.all(
      statusQueues.map((q) =>
        clients.sqs.send(
          new SendMessageCommand({
            QueueUrl: url(q.name),
            MessageBody: JSON.stringify({ id: `slow-${q.name}`, sleepMs: 300 }),
          }),
        ),
      ),
    );
    await runner.waitUntilQuiet(30_000);

    const fifoRecords = sqsEvents()
      .flatMap((e) => e.Records)
      .filter((r) => r.eventSourceARN.endsWith(fifoQueue.name));
    for (const group of ['g1', 'g2']) {
      const order = fifoRecords.filter((r) => r.attributes.MessageGroupId === group).map((r) => JSON.parse(r.body).id);
      expect(order).toEqual(Array.from({ length: 12 }, (_, n) => `${group}-${n}`));
    }
    expect(fifoRecords.every((r) => r.attributes.SequenceNumber)).toBe(true);

    const runs = recorder().invocations.filter((i) => 'Records' in i.event);
    const fifoRuns = runs.filter((i) => i.functionName === 'linkage-local-evaluate');
    const groupsOf = (i: RecordedInvocation) =>
      new Set((i.event as SQSEvent).Records.map((r) => r.attributes.MessageGroupId));
    for (const a of fifoRuns) {
      for (const b of fifoRuns) {
        const overlap = a !== b && a.startedAt < b.endedAt && b.startedAt < a.endedAt;
        if (overlap) expect([...groupsOf(a)].filter((g) => groupsOf(b).has(g))).toEqual([]);
      }
    }
    expect(Math.max(...fifoRuns.map((i) => i.overlapping))).toBeLessThan(5);
    // The two slow status batches, one per queue, ran at the same time (2 queues × 1 poller).
    const statusRuns = runs.filter((i) => i.functionName === 'linkage-local-ingest-status');
    expect(Math.max(...statusRuns.map((i) => i.overlapping))).toBeGreaterThanOrEqual(1);
    expect(Math.max(...statusRuns.map((i) => i.overlapping))).toBeLessThan(2);
  });

  it('runs the sweeper with a scheduled event, serially', async () => {
    await Promise.all([runner.sweep(), runner.sweep()]);
    const sweeps = recorder().invocations.filter((i) => i.functionName === 'linkage-local-sweep-deadlines');
    expect(sweeps).toHaveLength(2);
    expect(sweeps[0]!.event).toMatchObject({ source: 'aws.events', 'detail-type': 'Scheduled Event' });
    expect(sweeps.every((s) => s.overlapping === 0)).toBe(true);
  });

  it('leaves the queues empty once quiet', async () => {
    const { Attributes } = await clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url(fifoQueue.name), AttributeNames: ['All'] }),
    );
    expect(Attributes?.ApproximateNumberOfMessages).toBe('0');
  });
});

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
