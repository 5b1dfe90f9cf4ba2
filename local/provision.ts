// Creates the service's tables and queues from the definitions the CDK stacks deploy
// (shared/resources), for every institution in the registry. Idempotent: on a restart,
// existing tables are kept and existing queues get their attributes set again.
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  waitUntilTableExists,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type Projection,
} from '@aws-sdk/client-dynamodb';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { serviceQueues, type QueueDefinition } from '../shared/resources/queues.ts';
import type { Registry } from '../shared/resources/registry.ts';
import {
  TABLES,
  tableName,
  type IndexProjection,
  type KeyAttribute,
  type TableDefinition,
  type TableId,
} from '../shared/resources/tables.ts';

/** Every queue of a stage (shared/resources/queues.ts). */
export const queuesOf = serviceQueues;

export interface ProvisionedQueue {
  readonly definition: QueueDefinition;
  readonly url: string;
  readonly arn: string;
  readonly dlqUrl: string;
  readonly dlqArn: string;
}

export interface Provisioned {
  readonly tables: Record<TableId, string>;
  readonly queues: readonly ProvisionedQueue[];
}

export async function provision(
  clients: { readonly dynamodb: DynamoDBClient; readonly sqs: SQSClient },
  stage: string,
  registry: Registry,
): Promise<Provisioned> {
  const ids = Object.keys(TABLES) as TableId[];
  await Promise.all(ids.map((id) => createTable(clients.dynamodb, tableName(stage, id), TABLES[id])));
  const queues: ProvisionedQueue[] = [];
  for (const definition of queuesOf(stage, registry)) queues.push(await createQueueWithDlq(clients.sqs, definition));
  return { tables: Object.fromEntries(ids.map((id) => [id, tableName(stage, id)])) as Record<TableId, string>, queues };
}

/** The CreateTable request for a definition; TTL is left out (dynalite does not expire items). */
export function createTableInput(name: string, table: TableDefinition): CreateTableCommandInput {
  const keys: KeyAttribute[] = [table.partitionKey, ...(table.sortKey ? [table.sortKey] : [])];
  for (const index of table.globalIndexes ?? [])
    keys.push(index.partitionKey, ...(index.sortKey ? [index.sortKey] : []));
  const attributes = new Map<string, AttributeDefinition>();
  for (const key of keys) attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  const keySchema = (pk: KeyAttribute, sk: KeyAttribute | undefined) => [
    { AttributeName: pk.name, KeyType: 'HASH' as const },
    ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' as const }] : []),
  ];
  const indexes = table.globalIndexes ?? [];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes.values()],
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    ...(indexes.length > 0
      ? {
          GlobalSecondaryIndexes: indexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: projectionOf(index.projection),
          })),
        }
      : {}),
  };
}

function projectionOf(projection: IndexProjection): Projection {
  return projection.type === 'INCLUDE'
    ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection.nonKeyAttributes] }
    : { ProjectionType: projection.type };
}

async function createTable(dynamodb: DynamoDBClient, name: string, table: TableDefinition): Promise<void> {
  try {
    await dynamodb.send(new CreateTableCommand(createTableInput(name, table)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client: dynamodb, maxWaitTime: 120, minDelay: 1 }, { TableName: name });
}

/** SQS attributes of a queue definition; the main queue also gets its redrive policy. */
export function queueAttributes(definition: QueueDefinition, dlqArn?: string): Record<string, string> {
  return {
    ...(definition.fifo ? { FifoQueue: 'true' } : {}),
    MessageRetentionPeriod: String(definition.retentionSeconds),
    ...(dlqArn
      ? {
          VisibilityTimeout: String(definition.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: definition.maxReceiveCount }),
        }
      : {}),
  };
}

async function createQueueWithDlq(sqs: SQSClient, definition: QueueDefinition): Promise<ProvisionedQueue> {
  const dlq = await ensureQueue(sqs, definition.dlqName, queueAttributes(definition));
  const main = await ensureQueue(sqs, definition.name, queueAttributes(definition, dlq.arn));
  return { definition, url: main.url, arn: main.arn, dlqUrl: dlq.url, dlqArn: dlq.arn };
}

async function ensureQueue(
  sqs: SQSClient,
  name: string,
  attributes: Record<string, string>,
): Promise<{ url: string; arn: string }> {
  let url: string;
  try {
    url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
  } catch (error) {
    // The queue exists with other attributes (an older definition): bring it up to date.
    // fauxqs names it AWS.SimpleQueueService.QueueNameExists, SQS QueueNameExists (older: QueueAlreadyExists).
    if (!/(^|\.)(QueueNameExists|QueueAlreadyExists)$/.test((error as { name?: string }).name ?? '')) throw error;
    url = (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
    const { FifoQueue: _fifo, ...settable } = attributes;
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: settable }));
  }
  const described = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return { url, arn: described.Attributes!.QueueArn! };
}

/** Deletes what `provision` created for a stage (integration tests on an external target clean up after themselves). */
export async function deprovision(
  clients: { readonly dynamodb: DynamoDBClient; readonly sqs: SQSClient },
  stage: string,
  registry: Registry,
): Promise<void> {
  for (const id of Object.keys(TABLES) as TableId[]) {
    await clients.dynamodb.send(new DeleteTableCommand({ TableName: tableName(stage, id) })).catch(() => undefined);
  }
  for (const definition of queuesOf(stage, registry)) {
    for (const name of [definition.name, definition.dlqName]) {
      const url = await clients.sqs.send(new GetQueueUrlCommand({ QueueName: name })).then(
        (r) => r.QueueUrl,
        () => undefined,
      );
      if (url) await clients.sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
    }
  }
}
