// evaluate: consumes linkage-<stage>-evaluate.fifo. Records of one message group (one
// prisoner) are processed in order; a failure skips the rest of its group only, and the
// partial batch response returns them to the queue (ReportBatchItemFailures). Bodies are
// parsed with the batch parser integration: the service wrote them, so a bad one is a bug
// and fails (then dead-letters), it is not a rejection.
import { processPartialResponse } from '@aws-lambda-powertools/batch';
import { parser } from '@aws-lambda-powertools/batch/parser';
import type { Context, SQSEvent } from 'aws-lambda';
import { logger } from '../../shared/powertools/logger.ts';
import { count, METRIC } from '../../shared/powertools/metrics.ts';
import { withPowertools } from '../../shared/powertools/middleware.ts';
import { evaluatePrisoner } from '../../shared/pipeline/evaluation/evaluate-prisoner.ts';
import { ParsingSqsFifoProcessor } from '../../shared/pipeline/evaluation/fifo-processor.ts';
import { lazyDependencies } from '../../shared/pipeline/runtime.ts';
import { evaluationRequestSchema, type EvaluationRequest } from '../../shared/queues/evaluation-requests.ts';

const dependencies = lazyDependencies(['cases', 'decisions', 'access'] as const);
const processor = new ParsingSqsFifoProcessor({
  parser,
  innerSchema: evaluationRequestSchema,
  transformer: 'json',
  logger,
});

async function handleRecord(record: { messageId: string; body: EvaluationRequest }): Promise<void> {
  try {
    await evaluatePrisoner(dependencies(), record.body);
  } catch (error) {
    logger.error('evaluation failed; SQS will retry it, then dead-letter it', {
      sqsMessageId: record.messageId,
      trigger: record.body.trigger,
      error,
    });
    throw error;
  }
}

export const handler = withPowertools(async (event: SQSEvent, context: Context) => {
  count(METRIC.recordsReceived, undefined, event.Records.length);
  return processPartialResponse(event, handleRecord, processor, {
    context,
    skipGroupOnError: true,
    throwOnFullBatchFailure: false,
  });
});
