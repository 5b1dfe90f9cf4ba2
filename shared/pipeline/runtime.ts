// What a Lambda container creates once: the AWS SDK clients (traced when tracing is on) and,
// on first use, the dependencies built from the environment. Endpoints come from the SDK's
// own variables (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SQS), never from code.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { traced } from '../powertools/tracing.ts';
import type { TableId } from '../resources/tables.ts';
import { createDocumentClient } from '../storage/clients.ts';
import { systemClock } from './clock.ts';
import type { Dependencies } from './dependencies.ts';
import { readEnvironment } from './environment.ts';
import { REGISTRY } from './registry.ts';

export const dynamoClient = traced(new DynamoDBClient({}));
export const documentClient = createDocumentClient(dynamoClient);
export const sqsClient = traced(new SQSClient({}));

/** Dependencies for a function using these tables; the environment is read on first call. */
export function lazyDependencies<T extends TableId>(tables: readonly T[]): () => Dependencies<T> {
  let built: Dependencies<T> | undefined;
  return () => {
    built ??= {
      db: documentClient,
      sqs: sqsClient,
      env: readEnvironment(tables),
      registry: REGISTRY,
      clock: systemClock,
    };
    return built;
  };
}
