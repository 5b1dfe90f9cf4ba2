// The local SQS engine must answer a long poll the way SQS does: with messages, or empty when
// its wait is over, never empty early because another waiter took the message. fauxqs wakes
// every waiter on a send, and the losers used to answer at once; the local runner's pollers
// then received again, which added receives per message that SQS would not bill and load the
// bench counted. patches/fauxqs+*.patch keeps a loser waiting; this test fails without it.
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroyClients, localClients, type LocalClients } from '../../../local/clients.ts';
import { startEngines, type EnginesOnThread } from '../../../local/engines.ts';
import { LOCAL_REGION } from '../../../local/environment.ts';

let engines: EnginesOnThread;
let clients: LocalClients;

beforeAll(async () => {
  engines = await startEngines();
  clients = localClients({ ...engines, stage: 'test', region: LOCAL_REGION });
});

afterAll(async () => {
  destroyClients(clients);
  await engines.stop();
});

const WAIT_SECONDS = 2;

async function queue(name: string, fifo = false): Promise<string> {
  const { QueueUrl } = await clients.sqs.send(
    new CreateQueueCommand({ QueueName: name, ...(fifo ? { Attributes: { FifoQueue: 'true' } } : {}) }),
  );
  return QueueUrl!;
}

/** A long poll, with when it answered (ms after `since`). */
async function longPoll(url: string, since: number) {
  const { Messages = [] } = await clients.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: WAIT_SECONDS, MaxNumberOfMessages: 10 }),
  );
  return { messages: Messages, afterMs: performance.now() - since };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the local SQS engine answers long polls as SQS does', () => {
  it('wakes one of three waiters for one message; the others wait out their time', async () => {
    const url = await queue('long-poll-standard');
    const since = performance.now();
    const polls = [longPoll(url, since), longPoll(url, since), longPoll(url, since)];
    await pause(200);
    await clients.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'one' }));
    const answers = await Promise.all(polls);
    const withMessage = answers.filter((a) => a.messages.length > 0);
    expect(withMessage.map((a) => a.messages.map((m) => m.Body))).toEqual([['one']]);
    expect(withMessage[0]!.afterMs).toBeLessThan(WAIT_SECONDS * 1000 - 500);
    for (const empty of answers.filter((a) => a.messages.length === 0))
      expect(empty.afterMs).toBeGreaterThanOrEqual(WAIT_SECONDS * 1000 - 50);
  });

  it('keeps a FIFO waiter waiting while the group is locked, and wakes it when the group frees', async () => {
    const url = await queue('long-poll-group.fifo', true);
    const send = (body: string) =>
      clients.sqs.send(
        new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: 'g', MessageDeduplicationId: body }),
      );
    await send('first');
    const since = performance.now();
    const first = await longPoll(url, since);
    expect(first.messages.map((m) => m.Body)).toEqual(['first']);
    // 'first' is in flight: its group is locked, so the next message of the group waits.
    const waiting = longPoll(url, since);
    await pause(100);
    await send('second');
    await pause(200);
    await clients.sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first.messages[0]!.ReceiptHandle! }),
    );
    const next = await waiting;
    expect(next.messages.map((m) => m.Body)).toEqual(['second']);
    expect(next.afterMs).toBeLessThan(WAIT_SECONDS * 1000 - 500);
  });
});
