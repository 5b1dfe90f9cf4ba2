// Acceptance once per message, for the one ingest function whose stores' version guards do not
// already make it so: rulings (a ruling for another court is stored, read back, deleted and
// rejected, and a redelivery racing that sequence would see a different state). Statuses and
// dossiers need no record of their own: a redelivery meets its own guarded write
// ('already-stored') and finishes the steps after it, each idempotent, which saves two
// idempotency writes per message. Keyed on the envelope's sender.id and messageId (the
// contract's idempotency key), never on the SQS delivery.
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { dynamoClient } from '../runtime.ts';
import type { Accept } from './receive.ts';

/** How long a processed (sender, messageId) is remembered; the version guards cover the rest. */
export const IDEMPOTENCY_SECONDS = 24 * 3600;

/** JMESPath over the parsed envelope: who sent it and under which id. */
export const IDEMPOTENCY_KEY_PATH = '[sender.id, messageId]';

export function ingestIdempotencyConfig(): IdempotencyConfig {
  return new IdempotencyConfig({
    eventKeyJmesPath: IDEMPOTENCY_KEY_PATH,
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: IDEMPOTENCY_SECONDS,
    // Runs only when the store answers for an earlier run: mark the outcome as a replay.
    responseHook: (response) => ({ ...(response as object), replayed: true }),
  });
}

/** What an ingest function passes to accept each message at most once. */
export interface OncePerMessage {
  wrap(accept: Accept, table: string): Accept;
  registerLambdaContext(context: Context): void;
}

export function oncePerMessage(functionName: string): OncePerMessage {
  const config = ingestIdempotencyConfig();
  return {
    wrap: (accept, table) =>
      makeIdempotent(accept, {
        persistenceStore: new DynamoDBPersistenceLayer({ tableName: table, awsSdkV3Client: dynamoClient }),
        config,
        keyPrefix: functionName,
      }),
    registerLambdaContext: (context) => config.registerLambdaContext(context),
  };
}
