// The handler shape shared by the three ingest functions: a middy handler over SQS batches
// from inbound queues, with partial batch responses (ReportBatchItemFailures). Each record is
// received (parsed with the contract, authenticated), then accepted once per sender.id +
// messageId (Powertools idempotency, DynamoDB persistence). A rejected record is acknowledged;
// only an unexpected error fails the record, which SQS then retries and finally dead-letters.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { InboundMessage } from '../shared/contract/messages.ts';
import { logger } from '../shared/powertools/logger.ts';
import { count, METRIC } from '../shared/powertools/metrics.ts';
import { withPowertools } from '../shared/powertools/middleware.ts';
import { ingestIdempotencyConfig } from '../shared/pipeline/inbound/idempotency.ts';
import type { Dependencies } from '../shared/pipeline/dependencies.ts';
import type { IngestDependencies } from '../shared/pipeline/inbound/outcomes.ts';
import { receiveRecord, type Accept, type IngestOutcome } from '../shared/pipeline/inbound/receive.ts';
import type { ReceivedRecord } from '../shared/pipeline/inbound/reject.ts';
import { dynamoClient, lazyDependencies } from '../shared/pipeline/runtime.ts';
import type { SendingKind } from '../shared/resources/registry.ts';
import { recordFailure } from '../shared/storage/failure-store.ts';

export type AcceptMessage<M extends InboundMessage> = (
  deps: IngestDependencies,
  message: M,
  record: ReceivedRecord,
) => Promise<IngestOutcome>;

export function ingestHandler<M extends InboundMessage>(
  kind: SendingKind,
  functionName: string,
  accept: AcceptMessage<M>,
) {
  const dependencies = lazyDependencies(['cases', 'quarantine', 'idempotency'] as const);
  const processor = new BatchProcessor(EventType.SQS);
  const config = ingestIdempotencyConfig();
  let acceptOnce: Accept | undefined;

  function acceptor(deps: IngestDependencies & Dependencies<'idempotency'>): Accept {
    acceptOnce ??= makeIdempotent(
      (message: InboundMessage, record: ReceivedRecord) => accept(deps, message as M, record),
      {
        persistenceStore: new DynamoDBPersistenceLayer({
          tableName: deps.env.tables.idempotency,
          awsSdkV3Client: dynamoClient,
        }),
        config,
        keyPrefix: functionName,
      },
    );
    return acceptOnce;
  }

  async function handleRecord(record: SQSRecord): Promise<IngestOutcome> {
    const deps = dependencies();
    try {
      const outcome = await receiveRecord(deps, kind, record, acceptor(deps));
      if ('replayed' in outcome && outcome.replayed) {
        count(METRIC.staleOrDuplicate, { name: 'cause', value: 'message' });
        logger.info('message already processed; acknowledged', { sqsMessageId: record.messageId });
      }
      return outcome;
    } catch (error) {
      logger.error('record failed; SQS will retry it, then dead-letter it', { sqsMessageId: record.messageId, error });
      await keepFailure(deps, record, error);
      throw error;
    }
  }

  /** Best effort: what `linkage dlq show` tells an operator if the message ends in the DLQ. */
  async function keepFailure(deps: IngestDependencies, record: SQSRecord, error: unknown): Promise<void> {
    try {
      await recordFailure(
        deps.db,
        deps.env.tables.quarantine,
        {
          queue: record.eventSourceARN.split(':').at(-1) ?? record.eventSourceARN,
          sqsMessageId: record.messageId,
          receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? 1),
          failedAt: deps.clock(),
          functionName,
        },
        error,
      );
    } catch (noted) {
      logger.warn('could not keep the failure for the DLQ tools', { sqsMessageId: record.messageId, error: noted });
    }
  }

  return withPowertools(async (event: SQSEvent, context: Context) => {
    config.registerLambdaContext(context);
    count(METRIC.recordsReceived, undefined, event.Records.length);
    return processPartialResponse(event, handleRecord, processor, { context, throwOnFullBatchFailure: false });
  });
}
