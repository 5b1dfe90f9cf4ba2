// What the use cases need from the outside world, injected so tests can replace any of it.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Registry } from '../resources/registry.ts';
import type { TableId } from '../resources/tables.ts';
import type { Clock } from './clock.ts';
import type { Environment } from './environment.ts';

export interface Dependencies<T extends TableId = TableId> {
  readonly db: DynamoDBDocumentClient;
  readonly sqs: SQSClient;
  readonly env: Environment<T>;
  readonly registry: Registry;
  readonly clock: Clock;
}
