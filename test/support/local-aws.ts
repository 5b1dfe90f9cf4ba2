// Handler tests on the embedded engines (dynalite, fauxqs) under stage `test`: the handlers'
// own SDK clients reach them through the SDK's endpoint variables, and a test reads back what
// the tables hold and what each queue received, never which commands were sent.
import {
  CreateTableCommand,
  DeleteTableCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import { DeleteMessageBatchCommand, DeleteQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { PutCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { destroyClients, localClients, type LocalClients } from '../../local/clients.ts';
import { startEngines } from '../../local/engines.ts';
import { LOCAL_REGION } from '../../local/environment.ts';
import { createTableInput, provision } from '../../local/provision.ts';
import { REGISTRY } from '../../shared/pipeline/registry.ts';
import { queueUrl } from '../../shared/queues/queue-urls.ts';
import { serviceQueues } from '../../shared/resources/queues.ts';
import { TABLES, type TableId } from '../../shared/resources/tables.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { TEST_STAGE, testTableName } from './function-environment.ts';

export interface ReceivedMessage {
  readonly queueName: string;
  readonly body: Record<string, unknown>;
  readonly groupId?: string;
  readonly deduplicationId?: string;
}

export interface TestAws {
  readonly db: DynamoDBDocumentClient;
  /** Stores items in a table as they are, for a state no handler run has produced yet. */
  holds(table: TableId, ...items: Record<string, unknown>[]): Promise<void>;
  /** Every item of a table. */
  items(table: TableId): Promise<Record<string, unknown>[]>;
  /** Receives and deletes everything waiting on a queue of stage `test`, in the order received. */
  received(queueName: string): Promise<ReceivedMessage[]>;
  /** Empty tables and queues for the next test. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts in-memory engines, creates stage `test`'s tables and queues, and points the SDK's
 * endpoint variables and QUEUE_URL_BASE at them. Call before importing a handler.
 */
export async function startTestAws(): Promise<TestAws> {
  const engines = await startEngines();
  const endpoints = {
    stage: TEST_STAGE,
    region: LOCAL_REGION,
    dynamodbEndpoint: engines.dynamodbEndpoint,
    sqsEndpoint: engines.sqsEndpoint,
    queueUrlBase: engines.queueUrlBase,
  };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: engines.dynamodbEndpoint,
    AWS_ENDPOINT_URL_SQS: engines.sqsEndpoint,
    QUEUE_URL_BASE: engines.queueUrlBase,
  });
  const clients: LocalClients = localClients(endpoints);
  await provision(clients, TEST_STAGE, REGISTRY);
  const db = createDocumentClient(clients.dynamodb);
  const queues = serviceQueues(TEST_STAGE, REGISTRY);
  const queueNames = queues.flatMap((q) => [q.name, q.dlqName]);
  const fifoQueues = queues.filter((q) => q.fifo).flatMap((q) => [q.name, q.dlqName]);

  const received = async (queueName: string): Promise<ReceivedMessage[]> => {
    const url = queueUrl(engines, queueName);
    const messages: ReceivedMessage[] = [];
    for (;;) {
      const { Messages = [] } = await clients.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          MessageSystemAttributeNames: ['All'],
        }),
      );
      if (Messages.length === 0) return messages;
      for (const m of Messages) {
        messages.push({
          queueName,
          body: JSON.parse(m.Body ?? 'null') as Record<string, unknown>,
          ...(m.Attributes?.MessageGroupId ? { groupId: m.Attributes.MessageGroupId } : {}),
          ...(m.Attributes?.MessageDeduplicationId ? { deduplicationId: m.Attributes.MessageDeduplicationId } : {}),
        });
      }
      await clients.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: url,
          Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
    }
  };

  return {
    db,
    async holds(table, ...items) {
      for (const item of items) await db.send(new PutCommand({ TableName: testTableName(table), Item: item }));
    },
    async items(table) {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(new ScanCommand({ TableName: testTableName(table), ExclusiveStartKey: start }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
    received,
    async reset() {
      // Tables are dropped and made again (instant on dynalite); queues are drained, and FIFO
      // queues made again so that their de-duplication window forgets the last test's sends.
      for (const id of Object.keys(TABLES) as TableId[]) {
        // dynalite finishes a delete or create on a timer, after it has answered: wait for each,
        // or a fast machine sends the next call while the table is still DELETING or CREATING.
        const TableName = testTableName(id);
        const waiter = { client: clients.dynamodb, minDelay: 0.01, maxDelay: 0.05, maxWaitTime: 10 };
        await clients.dynamodb.send(new DeleteTableCommand({ TableName }));
        await waitUntilTableNotExists(waiter, { TableName });
        await clients.dynamodb.send(new CreateTableCommand(createTableInput(TableName, TABLES[id])));
        await waitUntilTableExists(waiter, { TableName });
      }
      for (const name of fifoQueues)
        await clients.sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl(engines, name) }));
      await provision(clients, TEST_STAGE, REGISTRY);
      for (const name of queueNames) await received(name);
    },
    async stop() {
      destroyClients(clients);
      await engines.stop();
    },
  };
}
