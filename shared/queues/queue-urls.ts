// Queue URLs from the names in shared/resources/queues.ts: `${QUEUE_URL_BASE}/${name}`,
// which is the AWS form (https://sqs.<region>.amazonaws.com/<account>/<name>) and fauxqs's.
import { evaluateQueue, inboundQueue, outboundQueue } from '../resources/queues.ts';

export interface QueueLocation {
  readonly stage: string;
  readonly queueUrlBase: string;
}

export function queueUrl(location: Pick<QueueLocation, 'queueUrlBase'>, queueName: string): string {
  return `${location.queueUrlBase}/${queueName}`;
}

/** The queue an institution reads what the service sends it. */
export function outboundQueueUrl(location: QueueLocation, institutionId: string): string {
  return queueUrl(location, outboundQueue(location.stage, institutionId).name);
}

/** The queue an institution sends the service its messages on. */
export function inboundQueueUrl(location: QueueLocation, institutionId: string): string {
  return queueUrl(location, inboundQueue(location.stage, institutionId).name);
}

export function evaluateQueueUrl(location: QueueLocation): string {
  return queueUrl(location, evaluateQueue(location.stage).name);
}
