// SQS events as Lambda delivers them, complete enough for the Powertools parser's
// SqsRecordSchema, for unit tests and for the local runner alike.
import { createHash, randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';

export const TEST_REGION = 'us-east-1';
export const TEST_ACCOUNT = '000000000000';

export function queueArn(queueName: string, region = TEST_REGION, account = TEST_ACCOUNT): string {
  return `arn:aws:sqs:${region}:${account}:${queueName}`;
}

export interface SqsRecordInput {
  /** The message body: a string as is, anything else as JSON. */
  readonly body: unknown;
  readonly queueName: string;
  readonly messageId?: string;
  /** When the message was sent to the queue (epoch ms). */
  readonly sentTimestamp?: number;
  readonly receiveCount?: number;
  /** FIFO queues only. */
  readonly messageGroupId?: string;
  readonly deduplicationId?: string;
  readonly region?: string;
  readonly account?: string;
}

export function createSqsRecord(input: SqsRecordInput): SQSRecord {
  const body = typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  const sent = String(input.sentTimestamp ?? Date.now());
  const region = input.region ?? TEST_REGION;
  return {
    messageId: input.messageId ?? randomUUID(),
    receiptHandle: `receipt-${randomUUID()}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(input.receiveCount ?? 1),
      ApproximateFirstReceiveTimestamp: sent,
      SentTimestamp: sent,
      SenderId: 'AIDAEXAMPLE',
      ...(input.messageGroupId ? { MessageGroupId: input.messageGroupId, SequenceNumber: '18849496460467696128' } : {}),
      ...(input.deduplicationId ? { MessageDeduplicationId: input.deduplicationId } : {}),
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn(input.queueName, region, input.account ?? TEST_ACCOUNT),
    awsRegion: region,
  };
}

export function createSqsEvent(records: readonly SQSRecord[]): SQSEvent {
  return { Records: [...records] };
}
