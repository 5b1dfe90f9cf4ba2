// SQS FIFO batches processed group by group, all groups at once. Powertools' FIFO processor
// takes a batch's records one after another whatever their group, so a batch of ten prisoners
// took ten evaluations' time end to end. Only a message group (one prisoner) must keep its
// order: each group here gets its own Powertools processor, which keeps that order and, on a
// failure, fails the rest of that group only (skipGroupOnError), as before.
import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/** The records of each message group, each group in the batch's order. */
export function messageGroups(records: readonly SQSRecord[]): SQSRecord[][] {
  return [...Map.groupBy(records, (record) => record.attributes.MessageGroupId ?? '').values()];
}

export async function processFifoGroupsInParallel(
  event: SQSEvent,
  handleRecord: (record: SQSRecord) => Promise<void>,
  context: Context,
): Promise<SQSBatchResponse> {
  const responses = await Promise.all(
    messageGroups(event.Records).map((records) =>
      processPartialResponse({ Records: records }, handleRecord, new SqsFifoPartialProcessorAsync(), {
        context,
        skipGroupOnError: true,
        throwOnFullBatchFailure: false,
      }),
    ),
  );
  return { batchItemFailures: responses.flatMap((response) => response.batchItemFailures) };
}
