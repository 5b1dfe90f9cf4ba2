// Everything that holds data or outlives a code deployment: keys, tables, queues and the
// operators' alarm topic. Every resource here is retained when the stack is deleted.
import { Aws, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { evaluateQueue } from '../../shared/resources/queues.ts';
import type { Registry } from '../../shared/resources/registry.ts';
import { DataTables } from '../constructs/data-tables.ts';
import { InstitutionQueues } from '../constructs/institution-queues.ts';
import { LinkageQueue } from '../constructs/linkage-queue.ts';

export interface StatefulStackProps extends StackProps {
  readonly stage: string;
  readonly registry: Registry;
  /** Subscribed to the alarm topic when given. */
  readonly alarmEmail?: string;
}

export class StatefulStack extends Stack {
  /** Encrypts the tables and the internal evaluate queue. */
  readonly dataKey: Key;
  readonly tables: DataTables;
  readonly evaluate: LinkageQueue;
  readonly institutions: ReadonlyMap<string, InstitutionQueues>;
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { stage, registry } = props;

    this.dataKey = new Key(this, 'DataKey', {
      alias: `alias/linkage-${stage}-data`,
      description: 'Encrypts the linkage tables and the internal evaluate queue',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.tables = new DataTables(this, 'Tables', { stage, key: this.dataKey });
    this.evaluate = new LinkageQueue(this, 'Evaluate', { definition: evaluateQueue(stage), key: this.dataKey });

    const institutions = new Map<string, InstitutionQueues>();
    for (const institution of registry.institutions) {
      institutions.set(
        institution.id,
        new InstitutionQueues(this, `Institution-${institution.id}`, { stage, institution }),
      );
    }
    this.institutions = institutions;

    this.alarmTopic = this.createAlarmTopic(stage, props.alarmEmail);
  }

  // Alarm notifications are encrypted too; CloudWatch needs the key to publish to the topic.
  private createAlarmTopic(stage: string, alarmEmail: string | undefined): Topic {
    const key = new Key(this, 'AlarmKey', {
      alias: `alias/linkage-${stage}-alarms`,
      description: 'Encrypts the linkage alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    const topic = new Topic(this, 'AlarmTopic', {
      topicName: `linkage-${stage}-alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (alarmEmail) topic.addSubscription(new EmailSubscription(alarmEmail));
    return topic;
  }
}
