// What Lambda hands a function, built for the local runner: an SQSEvent record from an SQS
// message exactly as the SQS event source maps it, a Context, and a scheduled event.
import { randomUUID } from 'node:crypto';
import type { Message } from '@aws-sdk/client-sqs';
import type { Context, ScheduledEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { clockShiftMs } from '../shared/pipeline/clock.ts';
import { FUNCTION_MEMORY_MB } from '../shared/resources/functions.ts';

export function sqsRecord(message: Message, queueArn: string, region: string): SQSRecord {
  const system = message.Attributes ?? {};
  const attributes: SQSRecord['attributes'] = {
    ApproximateReceiveCount: system.ApproximateReceiveCount ?? '1',
    // The queue's clock moves with the service's (LINKAGE_CLOCK_SHIFT_MS): receipt times stay "now".
    SentTimestamp: String(Number(system.SentTimestamp ?? Date.now()) + clockShiftMs()),
    SenderId: system.SenderId ?? 'local',
    ApproximateFirstReceiveTimestamp: system.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
  };
  // FIFO attributes only appear on FIFO messages, as on AWS.
  if (system.SequenceNumber) attributes.SequenceNumber = system.SequenceNumber;
  if (system.MessageGroupId) attributes.MessageGroupId = system.MessageGroupId;
  if (system.MessageDeduplicationId) attributes.MessageDeduplicationId = system.MessageDeduplicationId;
  if (system.AWSTraceHeader) attributes.AWSTraceHeader = system.AWSTraceHeader;

  const messageAttributes: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    messageAttributes[name] = {
      dataType: value.DataType ?? 'String',
      stringListValues: [],
      binaryListValues: [],
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') } : {}),
    };
  }
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes,
    messageAttributes,
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

export function queueArnOf(region: string, accountId: string, queueName: string): string {
  return `arn:aws:sqs:${region}:${accountId}:${queueName}`;
}

/** A Lambda context whose remaining time counts down from the function's timeout. */
export function lambdaContext(options: {
  functionName: string;
  timeoutSeconds: number;
  region: string;
  accountId: string;
}): Context {
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  const requestId = randomUUID();
  const unsupported = () => {
    throw new Error('callback-style completion is not supported; return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: options.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${options.region}:${options.accountId}:function:${options.functionName}`,
    // As deployed (the logger prints it on every line, which the bench counts as log bytes).
    memoryLimitInMB: String(FUNCTION_MEMORY_MB),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${options.functionName}`,
    logStreamName: `local/[$LATEST]${requestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/** The event an EventBridge schedule delivers. */
export function scheduledEvent(options: {
  region: string;
  accountId: string;
  ruleName: string;
  time?: Date;
}): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: options.accountId,
    time: (options.time ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: options.region,
    resources: [`arn:aws:events:${options.region}:${options.accountId}:rule/${options.ruleName}`],
    detail: {},
  };
}
