// What the service does with what it cannot use: an invalid message comes back to the
// owner of the queue it arrived on as a rejection, its raw text kept in quarantine; a
// poison message that makes a handler fail is retried, then lands in the dead-letter queue.
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateQueue } from '../../shared/resources/queues.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { DemoClock } from '../../local/demo/messages.ts';
import { rejectionsIn } from '../../local/demo/outbox.ts';
import { invalidStatus, knownStatuses, story } from '../../local/demo/scenario.ts';
import { documentClient, startTestService, type TestService } from './harness.ts';

let test: TestService;

beforeAll(async () => {
  // Failed records come back after 1 s instead of the queue's 6 minutes, so the redrive
  // (maxReceiveCount 4, from the shared definitions) happens within the test.
  test = await startTestService({ runner: { failedVisibilitySeconds: 1 } });
});

afterAll(async () => {
  await test?.stop();
});

describe('invalid messages', () => {
  it('rejects a status with a wrong check digit back to its sender, and quarantines it', async () => {
    const { senderId, message } = invalidStatus(new DemoClock(Date.now()));
    const text = JSON.stringify(message);
    await test.sendText(senderId, text);
    await test.settle();
    const [rejection, ...others] = rejectionsIn(await test.drain(senderId));
    expect(others).toEqual([]);
    expect(rejection!.body).toMatchObject({
      rejectedMessageId: message.messageId,
      schema: 'linkage.enforcement-status.v1',
    });
    expect(rejection!.body.errors).toContainEqual(expect.objectContaining({ path: 'body.personId' }));
    const stage = test.service.endpoints.stage;
    const held = await documentClient(test).send(
      new GetCommand({ TableName: tableName(stage, 'quarantine'), Key: { pk: rejection!.body.quarantineRef } }),
    );
    expect(held.Item?.raw).toBe(text);
  });

  it('rejects text that is not JSON', async () => {
    await test.sendText('FJ-P01', '{"schema": "linkage.reduction-dossier.v1", oops');
    await test.settle();
    const [rejection] = rejectionsIn(await test.drain('FJ-P01'));
    expect(rejection!.body.rejectedMessageId).toBeUndefined();
    expect(rejection!.body.errors[0]!.message).toMatch(/JSON/);
  });

  it("answers a message sent on another institution's queue to the queue's owner, not the claimed sender", async () => {
    const [status] = knownStatuses(new DemoClock(Date.now()));
    const claimed = status!.sender.id;
    const owner = claimed === 'FJ-LY-ZP' ? 'FJ-LY-XL' : 'FJ-LY-ZP';
    await test.sendText(owner, JSON.stringify(status));
    await test.settle();
    expect(rejectionsIn(await test.drain(owner))).toHaveLength(1);
    expect(await test.drain(claimed)).toEqual([]);
  });
});

describe('poison messages', () => {
  it('retries a record that makes the evaluate handler fail, then dead-letters it', async () => {
    const { endpoints, clients } = test.service;
    const queue = evaluateQueue(endpoints.stage);
    // A body the service would never write (an unknown field): the handler fails on it.
    const body = JSON.stringify({
      personId: story('paid').prisoner.personId,
      trigger: 'test:poison',
      priority: 'high',
    });
    await clients.sqs.send(
      new SendMessageCommand({
        QueueUrl: `${endpoints.queueUrlBase}/${queue.name}`,
        MessageBody: body,
        MessageGroupId: 'poison',
        MessageDeduplicationId: `poison-${Date.now()}`,
      }),
    );
    const dlqUrl = `${endpoints.queueUrlBase}/${queue.dlqName}`;
    const deadline = Date.now() + 30_000;
    let dead: string | undefined;
    while (!dead && Date.now() < deadline) {
      const { Messages = [] } = await clients.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: dlqUrl,
          WaitTimeSeconds: 1,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        }),
      );
      dead = Messages[0]?.Body;
    }
    expect(dead).toBe(body);
    const failures = test.invocations.filter((i) => i.queueName === queue.name && i.failed > 0);
    expect(failures).toHaveLength(queue.maxReceiveCount);
    const { Attributes } = await clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: `${endpoints.queueUrlBase}/${queue.name}`,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    expect(Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });
});
