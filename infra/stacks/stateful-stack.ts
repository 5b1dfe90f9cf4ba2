// What every institution group shares and that holds data or outlives a code deployment:
// the data and log keys, the tables, the evaluate queue and the operators' alarm topic
// (the institutions' queues are in the institution stacks). Keys, tables and queues are retained when the stack is deleted or
// they are replaced, and removed only when their first creation rolls back.
import { Aws, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { evaluateQueue } from '../../shared/resources/queues.ts';
import { DataTables } from '../constructs/data-tables.ts';
import { LinkageQueue } from '../constructs/linkage-queue.ts';
import { logsServicePrincipals, type RegionSettings } from '../deployment-settings.ts';

export function alarmTopicName(stage: string): string {
  return `linkage-${stage}-alarms`;
}

export interface StatefulStackProps extends StackProps {
  readonly stage: string;
  readonly settings: RegionSettings;
  /** Subscribed to the alarm topic when given. */
  readonly alarmEmail?: string;
}

export class StatefulStack extends Stack {
  /** Encrypts the tables and the internal evaluate queue. */
  readonly dataKey: Key;
  readonly alarmTopic: Topic;
  /** Encrypts the functions' log groups. */
  readonly logKey: Key;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { stage } = props;

    this.dataKey = new Key(this, 'DataKey', {
      alias: `alias/linkage-${stage}-data`,
      description: 'Encrypts the linkage tables and the internal evaluate queue',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    // Addressed by name from the other stacks (shared/resources), never by reference.
    new DataTables(this, 'Tables', { stage, key: this.dataKey });
    new LinkageQueue(this, 'Evaluate', { definition: evaluateQueue(stage), key: this.dataKey });

    this.alarmTopic = this.createAlarmTopic(stage, props.alarmEmail);
    this.logKey = this.createLogKey(stage, props.settings);
  }

  // CloudWatch Logs encrypts with the caller-independent service principal of its region,
  // only for this stage's function log groups.
  private createLogKey(stage: string, settings: RegionSettings): Key {
    const key = new Key(this, 'LogKey', {
      alias: `alias/linkage-${stage}-logs`,
      description: 'Encrypts the linkage function logs',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsEncrypt',
        principals: logsServicePrincipals(settings).map((name) => new ServicePrincipal(name)),
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${settings.partition}:logs:${settings.region}:${Aws.ACCOUNT_ID}:log-group:/aws/lambda/linkage-${stage}-*`,
          },
        },
      }),
    );
    return key;
  }

  // Alarm notifications are encrypted too; CloudWatch needs the key to publish to the topic.
  private createAlarmTopic(stage: string, alarmEmail: string | undefined): Topic {
    const key = new Key(this, 'AlarmKey', {
      alias: `alias/linkage-${stage}-alarms`,
      description: 'Encrypts the linkage alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
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
      topicName: alarmTopicName(stage),
      masterKey: key,
      enforceSSL: true,
    });
    if (alarmEmail) topic.addSubscription(new EmailSubscription(alarmEmail));
    return topic;
  }
}
