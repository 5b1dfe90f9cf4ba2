// Institutions removed from the registry whose queues still hold messages: the deploy refuses
// them (docs/deploy.md: drain, then retire). The queues are retained, so nothing is lost by
// the deploy itself, but nobody would read them again.
import { GetQueueAttributesCommand, paginateListQueues, type SQSClient } from '@aws-sdk/client-sqs';
import type { Registry } from '../shared/resources/registry.ts';

const COUNTED = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
] as const;

/** `linkage-prod-in-FJ-P01-dlq` → `FJ-P01`, for the stage's institution queues and their DLQs. */
export function institutionOfQueueName(stage: string, name: string): string | undefined {
  const match = new RegExp(`^linkage-${stage}-(?:in|out)-(.+?)(?:-dlq)?$`).exec(name);
  return match?.[1];
}

export async function retiredQueuesHoldingMessages(
  sqs: SQSClient,
  stage: string,
  registry: Registry,
): Promise<string[]> {
  const known = new Set(registry.institutions.map((i) => i.id));
  const problems: string[] = [];
  for await (const page of paginateListQueues({ client: sqs }, { QueueNamePrefix: `linkage-${stage}-` })) {
    for (const url of page.QueueUrls ?? []) {
      const name = url.split('/').at(-1)!;
      const id = institutionOfQueueName(stage, name);
      if (!id || known.has(id)) continue;
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: [...COUNTED] }),
      );
      const held = COUNTED.reduce((sum, key) => sum + Number(Attributes[key] ?? 0), 0);
      if (held > 0)
        problems.push(`${name} of ${id}, no longer in the registry, still holds ${held} message(s): drain it first`);
    }
  }
  return problems;
}
