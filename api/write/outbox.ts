// Where the console puts what a user submits: the signed-in institution's own inbound queue,
// the same queue and ingest function an integrated system's message goes through.
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { inboundQueue } from '../../shared/resources/queues.ts';
import { queueUrl, type QueueLocation } from '../../shared/queues/queue-urls.ts';

/** Sends one message text on the inbound queue of `institutionId` (the caller's own, always). */
export type Outbox = (institutionId: string, text: string) => Promise<void>;

export function sqsOutbox(sqs: SQSClient, location: QueueLocation): Outbox {
  return async (institutionId, text) => {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl(location, inboundQueue(location.stage, institutionId).name),
        MessageBody: text,
      }),
    );
  };
}
