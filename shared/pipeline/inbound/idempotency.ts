// How the ingest functions make a message's acceptance happen once: keyed on the envelope's
// sender.id and messageId (the contract's idempotency key), never on the SQS delivery.
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';

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
