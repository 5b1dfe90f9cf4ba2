// One group of institutions (a province's bucket, infra/institution-groups.ts): the key of
// the group, each institution's queues with their policies, the event source mapping of each
// inbound queue, and the alarms over the group's queues. Nothing here is exported or
// imported: the functions are addressed by name and the alarm topic by ARN, so adding or
// removing a group touches no other stack.
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { CfnEventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { EVENT_SOURCES } from '../../shared/resources/event-sources.ts';
import { functionName, ingestFunctionOf } from '../../shared/resources/functions.ts';
import { isSender, type Institution } from '../../shared/resources/registry.ts';
import { InstitutionQueues } from '../constructs/institution-queues.ts';
import { alarmOnQueues } from '../constructs/queue-alarms.ts';
import type { RegionSettings } from '../deployment-settings.ts';
import { OUTBOUND_AGE_ALARM_SECONDS } from './stateless-stack.ts';

export interface InstitutionsStackProps extends StackProps {
  readonly stage: string;
  /** e.g. `FJ-3`. */
  readonly group: string;
  readonly institutions: readonly Institution[];
  readonly settings: RegionSettings;
  /** The alarm topic's name (in the stateful stack). */
  readonly alarmTopicName: string;
}

export class InstitutionsStack extends Stack {
  readonly key: Key;
  readonly queues: ReadonlyMap<string, InstitutionQueues>;

  constructor(scope: Construct, id: string, props: InstitutionsStackProps) {
    super(scope, id, props);
    const { stage, group, settings } = props;
    const groupId = group.replaceAll('-', '');
    this.key = new Key(this, `Key${groupId}`, {
      alias: `alias/linkage-${stage}-institutions-${group}`,
      description: `Encrypts the queues of the institutions of group ${group}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });

    const queues = new Map<string, InstitutionQueues>();
    for (const institution of props.institutions) {
      const own = new InstitutionQueues(this, `Institution-${institution.id}`, {
        stage,
        institution,
        partition: settings.partition,
        key: this.key,
      });
      queues.set(institution.id, own);
      if (own.inbound && isSender(institution)) {
        new CfnEventSourceMapping(this, `Source-${institution.id}`, {
          functionName: functionName(stage, ingestFunctionOf(institution.kind)),
          eventSourceArn: own.inbound.queue.queueArn,
          batchSize: EVENT_SOURCES.inbound.batchSize,
          maximumBatchingWindowInSeconds: EVENT_SOURCES.inbound.batchingWindowSeconds,
          scalingConfig: { maximumConcurrency: EVENT_SOURCES.inbound.maxConcurrency },
          functionResponseTypes: ['ReportBatchItemFailures'],
        });
      }
    }
    this.queues = queues;

    const topic = Topic.fromTopicArn(
      this,
      'AlarmTopic',
      this.formatArn({ service: 'sns', resource: props.alarmTopicName }),
    );
    const action = new SnsAction(topic);
    const all = [...queues.values()];
    const dlqs = all.flatMap((q) => [q.inbound, q.outbound]).flatMap((q) => (q ? [q.definition.dlqName] : []));
    alarmOnQueues(this, {
      prefix: `linkage-${stage}-dlq-depth-${group}`,
      queueNames: dlqs,
      metricName: 'ApproximateNumberOfMessagesVisible',
      threshold: 0,
      description: `A dead-letter queue holds messages that failed every delivery attempt; one of: {queues}`,
      action,
    });
    alarmOnQueues(this, {
      prefix: `linkage-${stage}-outbound-age-${group}`,
      queueNames: all.flatMap((q) => (q.outbound ? [q.outbound.definition.name] : [])),
      metricName: 'ApproximateAgeOfOldestMessage',
      threshold: OUTBOUND_AGE_ALARM_SECONDS,
      description: `A message has been unread for over a day (it expires after 14) in one of: {queues}`,
      action,
    });
  }
}
