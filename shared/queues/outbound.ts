// Sends the service's own v1 messages to institutions. Every envelope is validated against
// the contract before it leaves: the service never emits a message it would itself reject.
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { anyMessage, type AnyMessage } from '../contract/messages.ts';
import { outboundQueueUrl, type QueueLocation } from './queue-urls.ts';

export async function sendToInstitution(
  sqs: SQSClient,
  location: QueueLocation,
  institutionId: string,
  message: AnyMessage,
): Promise<void> {
  const checked = anyMessage.safeParse(message);
  if (!checked.success) {
    const paths = checked.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`refusing to send an invalid ${message.schema} (${paths})`);
  }
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: outboundQueueUrl(location, institutionId),
      MessageBody: JSON.stringify(message),
      MessageAttributes: { schema: { DataType: 'String', StringValue: message.schema } },
    }),
  );
}
