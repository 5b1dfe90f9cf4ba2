// Powertools idempotency on dynalite, configured as the ingest functions configure it:
// keyed on sender.id + messageId, replayed results marked. dynalite lacks
// ReturnValuesOnConditionCheckFailure; Powertools must fall back to reading the record.
import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestIdempotencyConfig } from '../../../shared/pipeline/inbound/idempotency.ts';
import { status } from '../../../generators/case.ts';
import { createContext } from '../../support/lambda-context.ts';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite.ts';
import { testTableName } from '../../support/function-environment.ts';

let dynamo: LocalDynamo;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  await dynamo.stop();
});

describe('idempotency on dynalite', () => {
  it('runs a message once per sender and messageId, and answers repeats from the store', async () => {
    const runs: string[] = [];
    const config = ingestIdempotencyConfig();
    config.registerLambdaContext(createContext('ingest-status'));
    const once = makeIdempotent(
      async (message: { sender: { kind: string; id: string }; messageId: string }, _receivedAt: string) => {
        runs.push(message.messageId);
        return { result: 'accepted' };
      },
      {
        persistenceStore: new DynamoDBPersistenceLayer({
          tableName: testTableName('idempotency'),
          awsSdkV3Client: dynamo.client,
        }),
        config,
        keyPrefix: 'ingest-status',
      },
    );

    const message = status();
    expect(await once(message, 'first delivery')).toEqual({ result: 'accepted' });
    expect(await once(message, 'second delivery')).toEqual({ result: 'accepted', replayed: true });
    // Same messageId from another sender is another message.
    expect(await once({ ...message, sender: { kind: 'ENFORCING_COURT', id: 'FJ-LY-ZP' } }, 'third')).toEqual({
      result: 'accepted',
    });
    expect(runs).toEqual([message.messageId, message.messageId]);
  });
});
