// The deploy's "drain, then retire" check against real queues on the embedded SQS engine.
import { CreateQueueCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { destroyClients, localClients, type LocalClients } from '../../local/clients.ts';
import { startEngines, type Engines } from '../../local/engines.ts';
import { endpointsOf } from '../../local/environment.ts';
import { institutionOfQueueName, retiredQueuesHoldingMessages } from '../../infra/retired-queues.ts';
import { generateRegistry } from '../../generators/registry.ts';

let engines: Engines;
let clients: LocalClients;

beforeAll(async () => {
  engines = await startEngines({});
  clients = localClients(endpointsOf(engines));
});
afterAll(async () => {
  destroyClients(clients);
  await engines.stop();
});

it('names the queues of institutions gone from the registry that still hold messages, and only those', async () => {
  const registry = generateRegistry(20);
  const kept = registry.institutions[0]!.id;
  const create = async (name: string) =>
    (await clients.sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl!;
  const keptUrl = await create(`linkage-prod-out-${kept}`);
  const goneUrl = await create('linkage-prod-in-GD-FY99');
  await create('linkage-prod-out-GD-FY99');
  await create('linkage-prod-in-GD-FY98-dlq');
  await clients.sqs.send(new SendMessageCommand({ QueueUrl: keptUrl, MessageBody: 'kept' }));
  expect(await retiredQueuesHoldingMessages(clients.sqs, 'prod', registry)).toEqual([]);

  await clients.sqs.send(new SendMessageCommand({ QueueUrl: goneUrl, MessageBody: 'left behind' }));
  expect(await retiredQueuesHoldingMessages(clients.sqs, 'prod', registry)).toEqual([
    'linkage-prod-in-GD-FY99 of GD-FY99, no longer in the registry, still holds 1 message(s): drain it first',
  ]);
  expect(await retiredQueuesHoldingMessages(clients.sqs, 'test', registry)).toEqual([]);
  expect(institutionOfQueueName('prod', 'linkage-prod-in-FJ-LY-XL-dlq')).toBe('FJ-LY-XL');
  expect(institutionOfQueueName('prod', 'linkage-prod-evaluate.fifo')).toBeUndefined();
});
