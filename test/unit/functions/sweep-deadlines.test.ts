// sweep-deadlines on the embedded engines (dynalite, fauxqs): every shard of the deadline index
// is read up to now, and each due application is queued for re-evaluation in its prisoner's
// group on the evaluate queue.
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentClient, sqsClient } from '../../../shared/pipeline/runtime.ts';
import { messageGroupOf } from '../../../shared/queues/evaluation-requests.ts';
import { DEADLINE_SHARDS } from '../../../shared/resources/tables.ts';
import { PERSON_ID, personIdFrom } from '../../../generators/case.ts';
import { clearFaults, injectFault, rewriteInput } from '../../support/fault-injection.ts';
import { useFunctionEnvironment } from '../../support/function-environment.ts';
import { createContext } from '../../support/lambda-context.ts';
import { startTestAws, type TestAws } from '../../support/local-aws.ts';

useFunctionEnvironment();
let handler: (event: ScheduledEvent, context: Context) => Promise<{ due: number }>;
let aws: TestAws;
const addMetric = vi.spyOn(Metrics.prototype, 'addMetric');

const NOW = '2026-11-28T01:15:00.000Z';
const SCHEDULED = { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} } as unknown as ScheduledEvent;
const EVALUATE_QUEUE = 'linkage-test-evaluate.fifo';

beforeAll(async () => {
  aws = await startTestAws();
  ({ handler } = await import('../../../functions/sweep-deadlines/handler.ts'));
}, 30_000);
afterAll(() => aws.stop());
beforeEach(async () => {
  await aws.reset();
  addMetric.mockClear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => {
  clearFaults(documentClient, sqsClient);
  vi.useRealTimers();
});

function dueItem(personId: string, applicationId: string, nextCheckAt: string, dueShard: string) {
  return { pk: `P#${personId}`, sk: `A#${applicationId}`, applicationId, nextCheckAt, dueShard };
}

const sweep = () => handler(SCHEDULED, createContext('sweep-deadlines'));
const queued = async () =>
  (await aws.received(EVALUATE_QUEUE)).sort((a, b) => String(a.body.trigger).localeCompare(String(b.body.trigger)));

describe('sweep-deadlines', () => {
  it('queues every application whose next check has come, grouped by prisoner', async () => {
    const other = personIdFrom('35080219900202123');
    await aws.holds(
      'cases',
      dueItem(PERSON_ID, 'FJ-P01-2026-0042', '2026-11-28T01:00:02.000Z', '1'),
      dueItem(other, 'FJ-P02-2026-0007', '2026-11-27T16:00:00.000Z', '3'),
      // Not yet due, and closed (off the index): neither is queued.
      dueItem(other, 'FJ-P02-2026-0008', '2026-11-28T01:15:01.000Z', '3'),
      { pk: `P#${other}`, sk: 'A#FJ-P02-2026-0009', applicationId: 'FJ-P02-2026-0009', closed: true },
    );

    expect(await sweep()).toEqual({ due: 2 });
    const messages = await queued();
    expect(messages.map((m) => m.body)).toEqual([
      { personId: other, applicationIds: ['FJ-P02-2026-0007'], trigger: 'deadline:2026-11-27T16:00:00.000Z' },
      { personId: PERSON_ID, applicationIds: ['FJ-P01-2026-0042'], trigger: 'deadline:2026-11-28T01:00:02.000Z' },
    ]);
    expect(messages.map((m) => m.groupId)).toEqual([messageGroupOf(other), messageGroupOf(PERSON_ID)]);
    expect(new Set(messages.map((m) => m.deduplicationId)).size).toBe(2);
    expect(addMetric).toHaveBeenCalledWith('DeadlinesFired', 'Count', 2);
  });

  it('reads every shard of the index', async () => {
    const shards = Array.from({ length: DEADLINE_SHARDS }, (_, shard) => String(shard));
    await aws.holds('cases', ...shards.map((shard) => dueItem(PERSON_ID, `A-${shard}`, NOW, shard)));
    expect(await sweep()).toEqual({ due: DEADLINE_SHARDS });
    const applications = (await queued()).flatMap((m) => m.body.applicationIds as string[]);
    expect(applications.sort()).toEqual(shards.map((shard) => `A-${shard}`).sort());
  });

  it('follows the index across pages', async () => {
    await aws.holds(
      'cases',
      ...['A-1', 'A-2', 'A-3'].map((id) => dueItem(PERSON_ID, id, '2026-11-27T00:00:00.000Z', '0')),
    );
    // One item a page, so the sweep has to follow LastEvaluatedKey to find them all.
    rewriteInput(documentClient, (command, input) => (command.startsWith('Query') ? { ...input, Limit: 1 } : input));
    expect(await sweep()).toEqual({ due: 3 });
    clearFaults(documentClient);
    const applications = (await queued()).flatMap((m) => m.body.applicationIds as string[]);
    expect(applications.sort()).toEqual(['A-1', 'A-2', 'A-3']);
  });

  it('fails the run when the queue refuses an entry, so the next sweep tries again', async () => {
    await aws.holds('cases', dueItem(PERSON_ID, 'FJ-P01-2026-0042', '2026-11-28T01:00:02.000Z', '2'));
    injectFault(sqsClient, (command) =>
      command.startsWith('SendMessageBatch')
        ? { answer: { Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] } }
        : undefined,
    );
    await expect(sweep()).rejects.toThrow(/1 of 1 evaluation requests not enqueued: InternalError/);
    // The application stays on the index: the next sweep finds it again.
    clearFaults(sqsClient);
    expect(await sweep()).toEqual({ due: 1 });
    expect(await queued()).toHaveLength(1);
  });
});
