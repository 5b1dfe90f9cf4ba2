// evaluate: consumes linkage-<stage>-evaluate.fifo. Records of one message group (one
// prisoner) are processed in order, the batch's groups side by side; a failure skips the rest
// of its group only, and the partial batch response returns them to the queue
// (ReportBatchItemFailures). Each body is parsed with its own schema: the service wrote it, so
// a bad one is a bug and fails (then dead-letters), it is not a rejection. (Powertools' batch
// parser integration did the same but pulled the whole of zod into the bundle: 447 KB of 1,036.)
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { processFifoGroupsInParallel } from '../../shared/powertools/fifo-groups.ts';
import { logger } from '../../shared/powertools/logger.ts';
import { count, METRIC } from '../../shared/powertools/metrics.ts';
import { withPowertools } from '../../shared/powertools/middleware.ts';
import { evaluatePrisoner } from '../../shared/pipeline/evaluation/evaluate-prisoner.ts';
import { lazyDependencies } from '../../shared/pipeline/runtime.ts';
import { tablesOf } from '../../shared/resources/functions.ts';
import { parseEvaluationRequest, type EvaluationRequest } from '../../shared/queues/evaluation-requests.ts';

const dependencies = lazyDependencies(tablesOf('evaluate'));

async function handleRecord(record: SQSRecord): Promise<void> {
  let request: EvaluationRequest | undefined;
  try {
    request = parseEvaluationRequest(record.body);
    await evaluatePrisoner(dependencies(), request);
  } catch (error) {
    logger.error('evaluation failed; SQS will retry it, then dead-letter it', {
      sqsMessageId: record.messageId,
      trigger: request?.trigger ?? 'unreadable request',
      error,
    });
    throw error;
  }
}

export const handler = withPowertools(async (event: SQSEvent, context: Context) => {
  count(METRIC.recordsReceived, undefined, event.Records.length);
  // A processor per group and invocation: it holds the group's records and failures, and local
  // mode may run several invocations of this module at once (Lambda runs one per environment).
  return processFifoGroupsInParallel(event, handleRecord, context);
});
