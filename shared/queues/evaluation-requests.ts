// The internal FIFO queue of re-evaluation requests. Grouped by prisoner so evaluations of
// one prisoner never run at the same time; the group id is a hash, never the identity number.
import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod/mini';
import { personId } from '../contract/primitives.ts';
import { sha256Hex } from '../ids/hashing.ts';
import { evaluateQueueUrl, type QueueLocation } from './queue-urls.ts';

/** The body of one message on `linkage-<stage>-evaluate.fifo`; written only by the service. */
/** Triggers are short labels; a longer one is a bug of the service's. */
const MAX_TRIGGER_LENGTH = 300;
/** SendMessageBatch's limit on entries. */
const SQS_BATCH_ENTRIES = 10;

export const evaluationRequestSchema = z.strictObject({
  personId,
  /** Only these applications; absent: every application of the prisoner. */
  applicationIds: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  /** What asked for it (`<schema>:<sender>:<messageId>`, `deadline:<nextCheckAt>`): for logs, never personal. */
  trigger: z.string().check(z.minLength(1), z.maxLength(MAX_TRIGGER_LENGTH)),
});
export type EvaluationRequest = z.infer<typeof evaluationRequestSchema>;

/** Reads one queue body; a body that is not one is a bug of the service's, and throws. */
export function parseEvaluationRequest(body: string): EvaluationRequest {
  return evaluationRequestSchema.parse(JSON.parse(body));
}

export interface EnqueuedEvaluation {
  readonly request: EvaluationRequest;
  /** Identifies the cause: the same cause within SQS's 5-minute window is enqueued once. */
  readonly deduplicationKey: string;
}

export function messageGroupOf(person: string): string {
  return sha256Hex('linkage-prisoner', person);
}

function entry(evaluation: EnqueuedEvaluation) {
  return {
    MessageBody: JSON.stringify(evaluationRequestSchema.parse(evaluation.request)),
    MessageGroupId: messageGroupOf(evaluation.request.personId),
    MessageDeduplicationId: sha256Hex('linkage-evaluation', evaluation.deduplicationKey),
  };
}

export async function enqueueEvaluation(
  sqs: SQSClient,
  location: QueueLocation,
  evaluation: EnqueuedEvaluation,
): Promise<void> {
  await sqs.send(new SendMessageCommand({ QueueUrl: evaluateQueueUrl(location), ...entry(evaluation) }));
}

/** Sends in batches of ten (the SQS limit); throws if any entry was not accepted. */
export async function enqueueEvaluations(
  sqs: SQSClient,
  location: QueueLocation,
  evaluations: readonly EnqueuedEvaluation[],
): Promise<void> {
  for (let start = 0; start < evaluations.length; start += SQS_BATCH_ENTRIES) {
    const batch = evaluations.slice(start, start + SQS_BATCH_ENTRIES);
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: evaluateQueueUrl(location),
        Entries: batch.map((evaluation, index) => ({ Id: String(index), ...entry(evaluation) })),
      }),
    );
    const failed = result.Failed ?? [];
    if (failed.length > 0) {
      throw new Error(
        `${failed.length} of ${batch.length} evaluation requests not enqueued: ${failed.map((f) => f.Code).join(', ')}`,
      );
    }
  }
}
