// Reads everything waiting on institutions' outbound queues, as the institutions would.
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  anyMessage,
  type AnyMessage,
  type FulfilmentFlagMessage,
  type RejectionMessage,
  type VerificationRequestMessage,
} from '../../shared/contract/messages.ts';
import { outboundQueueUrl } from '../../shared/queues/queue-urls.ts';

export interface Received {
  readonly institutionId: string;
  readonly message: AnyMessage;
}

/** Receives and deletes every message on one outbound queue; a body that is not a v1 message throws. */
export async function drainOutbound(
  sqs: SQSClient,
  queueUrlBase: string,
  stage: string,
  institutionId: string,
): Promise<Received[]> {
  const queueUrl = outboundQueueUrl({ queueUrlBase, stage }, institutionId);
  const received: Received[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (Messages.length === 0) return received;
    for (const m of Messages) {
      const parsed = anyMessage.safeParse(JSON.parse(m.Body ?? 'null'));
      if (!parsed.success)
        throw new Error(`${institutionId} received a message that is not a valid v1 message: ${parsed.error.message}`);
      received.push({ institutionId, message: parsed.data });
    }
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
  }
}

export const flagsIn = (received: readonly Received[]) =>
  received.flatMap((r) =>
    r.message.schema === 'linkage.fulfilment-flag.v1' ? [r.message as FulfilmentFlagMessage] : [],
  );
export const requestsIn = (received: readonly Received[]) =>
  received.flatMap((r) =>
    r.message.schema === 'linkage.verification-request.v1' ? [r.message as VerificationRequestMessage] : [],
  );
export const rejectionsIn = (received: readonly Received[]) =>
  received.flatMap((r) => (r.message.schema === 'linkage.rejection.v1' ? [r.message as RejectionMessage] : []));
