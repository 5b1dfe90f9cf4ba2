// sweep-deadlines with the AWS clients mocked: every shard of the deadline index is read up
// to now, and each due application is queued for re-evaluation in its prisoner's group.
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { messageGroupOf } from '../../../shared/queues/evaluation-requests.ts';
import { DEADLINE_SHARDS } from '../../../shared/resources/tables.ts';
import { PERSON_ID, personIdFrom } from '../../../generators/case.ts';
import { resetAwsMocks, type AwsMocks } from '../../support/aws-mocks.ts';
import { testTableName, useFunctionEnvironment } from '../../support/function-environment.ts';
import { createContext } from '../../support/lambda-context.ts';

useFunctionEnvironment();
let handler: (event: ScheduledEvent, context: Context) => Promise<{ due: number }>;
let aws: AwsMocks;
const addMetric = vi.spyOn(Metrics.prototype, 'addMetric');

const NOW = '2026-11-28T01:15:00.000Z';
const SCHEDULED = { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} } as unknown as ScheduledEvent;

beforeAll(async () => {
  ({ handler } = await import('../../../functions/sweep-deadlines/handler.ts'));
});
beforeEach(() => {
  aws = resetAwsMocks();
  addMetric.mockClear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => vi.useRealTimers());

function dueItem(personId: string, applicationId: string, nextCheckAt: string, dueShard: string) {
  return { pk: `P#${personId}`, sk: `A#${applicationId}`, applicationId, nextCheckAt, dueShard };
}

describe('sweep-deadlines', () => {
  it('queues every application whose next check has come, grouped by prisoner', async () => {
    const other = personIdFrom('35080219900202123');
    aws.documents.on(QueryCommand, { ExpressionAttributeValues: { ':shard': '1', ':now': NOW } }).resolves({
      Items: [dueItem(PERSON_ID, 'FJ-P01-2026-0042', '2026-11-28T01:00:02.000Z', '1')],
    });
    aws.documents.on(QueryCommand, { ExpressionAttributeValues: { ':shard': '3', ':now': NOW } }).resolves({
      Items: [dueItem(other, 'FJ-P02-2026-0007', '2026-11-27T16:00:00.000Z', '3')],
    });

    const result = await handler(SCHEDULED, createContext('sweep-deadlines'));

    expect(result).toEqual({ due: 2 });
    const queries = aws.documents.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(queries).toHaveLength(DEADLINE_SHARDS);
    for (const query of queries) {
      expect(query).toMatchObject({
        TableName: testTableName('cases'),
        IndexName: 'byDeadline',
        KeyConditionExpression: 'dueShard = :shard AND nextCheckAt <= :now',
      });
    }
    const entries = aws.sqs.commandCalls(SendMessageBatchCommand).flatMap((c) => c.args[0].input.Entries ?? []);
    expect(
      aws.sqs
        .commandCalls(SendMessageBatchCommand)
        .every((c) => c.args[0].input.QueueUrl?.endsWith('/linkage-test-evaluate.fifo')),
    ).toBe(true);
    expect(entries.map((e) => JSON.parse(e.MessageBody!))).toEqual([
      { personId: PERSON_ID, applicationIds: ['FJ-P01-2026-0042'], trigger: 'deadline:2026-11-28T01:00:02.000Z' },
      { personId: other, applicationIds: ['FJ-P02-2026-0007'], trigger: 'deadline:2026-11-27T16:00:00.000Z' },
    ]);
    expect(entries.map((e) => e.MessageGroupId)).toEqual([messageGroupOf(PERSON_ID), messageGroupOf(other)]);
    expect(new Set(entries.map((e) => e.MessageDeduplicationId)).size).toBe(2);
    expect(addMetric).toHaveBeenCalledWith('DeadlinesFired', 'Count', 2);
  });

  it('follows the index across pages', async () => {
    aws.documents
      .on(QueryCommand, { ExpressionAttributeValues: { ':shard': '0', ':now': NOW } })
      .resolvesOnce({
        Items: [dueItem(PERSON_ID, 'A-1', '2026-11-27T00:00:00.000Z', '0')],
        LastEvaluatedKey: { pk: 'x' },
      })
      .resolvesOnce({ Items: [dueItem(PERSON_ID, 'A-2', '2026-11-27T00:00:00.000Z', '0')] });
    const result = await handler(SCHEDULED, createContext('sweep-deadlines'));
    expect(result).toEqual({ due: 2 });
    const shardZero = aws.documents
      .commandCalls(QueryCommand)
      .filter((c) => c.args[0].input.ExpressionAttributeValues![':shard'] === '0');
    expect(shardZero[1]!.args[0].input.ExclusiveStartKey).toEqual({ pk: 'x' });
  });

  it('fails the run when the queue refuses an entry, so the next sweep tries again', async () => {
    aws.documents.on(QueryCommand, { ExpressionAttributeValues: { ':shard': '2', ':now': NOW } }).resolves({
      Items: [dueItem(PERSON_ID, 'FJ-P01-2026-0042', '2026-11-28T01:00:02.000Z', '2')],
    });
    aws.sqs
      .on(SendMessageBatchCommand)
      .resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });
    await expect(handler(SCHEDULED, createContext('sweep-deadlines'))).rejects.toThrow(
      /1 of 1 evaluation requests not enqueued: InternalError/,
    );
  });
});
