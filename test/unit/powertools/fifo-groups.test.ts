import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { messageGroups, processFifoGroupsInParallel } from '../../../shared/powertools/fifo-groups.ts';
import { createContext } from '../../support/lambda-context.ts';
import { createSqsEvent, createSqsRecord } from '../../support/sqs-event.ts';

const record = (messageId: string, group: string) =>
  createSqsRecord({
    body: messageId,
    queueName: 'q.fifo',
    messageId,
    messageGroupId: group,
    deduplicationId: messageId,
  });
const context = createContext('evaluate');

describe('FIFO batches processed by message group', () => {
  it('splits a batch into its groups, each in the batch order', () => {
    const batch = [record('a1', 'A'), record('b1', 'B'), record('a2', 'A'), record('c1', 'C'), record('b2', 'B')];
    expect(messageGroups(batch).map((group) => group.map((r) => r.messageId))).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
      ['c1'],
    ]);
  });

  it('keeps each group in order while the groups run side by side', async () => {
    const events: string[] = [];
    let releaseA!: () => void;
    const aWaits = new Promise<void>((resolve) => (releaseA = resolve));
    const handle = async (r: SQSRecord) => {
      events.push(`start ${r.messageId}`);
      // a1 finishes only once group B has started: processed one after another, this never ends.
      if (r.messageId === 'a1') await aWaits;
      if (r.messageId === 'b1') releaseA();
      await Promise.resolve();
      events.push(`end ${r.messageId}`);
    };
    const response = await processFifoGroupsInParallel(
      createSqsEvent([record('a1', 'A'), record('a2', 'A'), record('b1', 'B')]),
      handle,
      context,
    );
    expect(response.batchItemFailures).toEqual([]);
    expect(events.indexOf('start b1')).toBeLessThan(events.indexOf('end a1'));
    expect(events.indexOf('end a1')).toBeLessThan(events.indexOf('start a2'));
  });

  it('fails the rest of a failed group only; other groups go on', async () => {
    const handled: string[] = [];
    const handle = async (r: SQSRecord) => {
      handled.push(r.messageId);
      if (r.messageId === 'a1') throw new Error('boom');
    };
    const response = await processFifoGroupsInParallel(
      createSqsEvent([record('a1', 'A'), record('b1', 'B'), record('a2', 'A'), record('b2', 'B')]),
      handle,
      context,
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'a1' }, { itemIdentifier: 'a2' }]);
    expect(handled.sort()).toEqual(['a1', 'b1', 'b2']);
  });
});
