// The handler shape shared by the three ingest functions: a middy handler over SQS batches
// from inbound queues, with partial batch responses (ReportBatchItemFailures). Each record is
// received (parsed with the contract, authenticated), then accepted. Accepting is idempotent
// by the version guards of the stores (a redelivery finds its own write and finishes the steps
// after it); a function whose acceptance needs more than that passes `once` (idempotency.ts).
// A rejected record is acknowledged; only an unexpected error fails the record, which SQS
// then retries and finally dead-letters.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import type { InboundMessage, InboundMessageOf } from '../shared/contract/messages.ts';
import { logger } from '../shared/powertools/logger.ts';
import { count, METRIC } from '../shared/powertools/metrics.ts';
import { withPowertools } from '../shared/powertools/middleware.ts';
import type { OncePerMessage } from '../shared/pipeline/inbound/idempotency.ts';
import type { IngestDependencies } from '../shared/pipeline/inbound/outcomes.ts';
import { receiveRecord, type Accept, type IngestOutcome } from '../shared/pipeline/inbound/receive.ts';
import type { ReceivedRecord } from '../shared/pipeline/inbound/reject.ts';
import { lazyDependencies } from '../shared/pipeline/runtime.ts';
import {
  FUNCTIONS,
  kindOfFunction,
  tablesOf,
  type IngestFunctionName,
  type SchemaOfFunction,
} from '../shared/resources/functions.ts';
import { recordFailure } from '../shared/storage/failure-store.ts';

export type AcceptMessage<M extends InboundMessage> = (
  deps: IngestDependencies,
  message: M,
  record: ReceivedRecord,
) => Promise<IngestOutcome>;

/** The message an ingest function accepts: the schema its catalogue entry names. */
export type MessageOf<N extends IngestFunctionName> = InboundMessageOf<SchemaOfFunction<N>>;

/** The catalogue grants the idempotency table exactly to the functions that accept once per message. */
export function checkIdempotencyGrant(name: IngestFunctionName, once: boolean): void {
  const granted = 'idempotency' in FUNCTIONS[name].tables;
  if (granted !== once)
    throw new Error(
      once
        ? `${name} accepts once per message but the function catalogue grants it no idempotency table`
        : `${name} is granted the idempotency table but does not accept once per message`,
    );
}

export function ingestHandler<N extends IngestFunctionName>(
  name: N,
  accept: AcceptMessage<MessageOf<NoInfer<N>>>,
  once?: OncePerMessage,
) {
  checkIdempotencyGrant(name, once !== undefined);
  const kind = kindOfFunction(name);
  // The tables the catalogue grants; `idempotency` is among them only when `once` is given.
  const dependencies = lazyDependencies(tablesOf(name) as ('cases' | 'quarantine' | 'assessment' | 'idempotency')[]);
  let acceptor: Accept | undefined;

  /** `functionName` is the invocation's (its context): kept with a failure for the DLQ tools. */
  async function handleRecord(record: SQSRecord, functionName: string): Promise<IngestOutcome> {
    const deps = dependencies();
    acceptor ??= ((plain: Accept) => (once ? once.wrap(plain, deps.env.tables.idempotency) : plain))(
      (message, received) => accept(deps, message as MessageOf<N>, received),
    );
    try {
      const outcome = await receiveRecord(deps, kind, record, acceptor);
      if ('replayed' in outcome && outcome.replayed) {
        count(METRIC.staleOrDuplicate, { name: 'cause', value: 'message' });
        logger.info('message already processed; acknowledged', { sqsMessageId: record.messageId });
      }
      return outcome;
    } catch (error) {
      logger.error('record failed; SQS will retry it, then dead-letter it', { sqsMessageId: record.messageId, error });
      await keepFailure(deps, record, error, functionName);
      throw error;
    }
  }

  /** Best effort: what `linkage dlq show` tells an operator if the message ends in the DLQ. */
  async function keepFailure(
    deps: IngestDependencies,
    record: SQSRecord,
    error: unknown,
    functionName: string,
  ): Promise<void> {
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
    once?.registerLambdaContext(context);
    count(METRIC.recordsReceived, undefined, event.Records.length);
    // A processor per invocation: it holds the batch's records and failures, and local mode
    // may run several invocations of this module at once (Lambda runs one per environment).
    return processPartialResponse(
      event,
      (record: SQSRecord) => handleRecord(record, context.functionName),
      new BatchProcessor(EventType.SQS),
      { context, throwOnFullBatchFailure: false },
    );
  });
}
