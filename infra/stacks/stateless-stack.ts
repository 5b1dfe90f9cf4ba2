// The code: five functions, what triggers them, and the alarms that watch them. Tables and
// queues are addressed by the names in shared/resources; only the keys and the alarm topic
// come from the stateful stack.
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { EVENT_SOURCES, SWEEP_RATE_MINUTES } from '../../shared/resources/event-sources.ts';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import {
  evaluateQueue,
  FUNCTION_TIMEOUT_SECONDS,
  inboundQueue,
  outboundQueue,
  type QueueDefinition,
} from '../../shared/resources/queues.ts';
import {
  isReceiver,
  isSender,
  type Institution,
  type Registry,
  type SendingKind,
} from '../../shared/resources/registry.ts';
import { TABLES } from '../../shared/resources/tables.ts';
import { LinkageFunction, type FunctionName, type SqsSourceOptions } from '../constructs/linkage-function.ts';
import { alarmAbove, alarmOnQueues, queueMetric } from '../constructs/queue-alarms.ts';
import type { RegionSettings } from '../deployment-settings.ts';

/** Which ingest function consumes the inbound queues of which kind of institution. */
export const INGEST_FUNCTIONS = {
  'ingest-status': 'ENFORCING_COURT',
  'ingest-dossier': 'PRISON',
  'ingest-ruling': 'HEARING_COURT',
} as const satisfies Partial<Record<FunctionName, SendingKind>>;

// One institution's traffic is light: two concurrent batches per inbound queue is plenty.
// Nothing is reserved (a new account may have a limit of 10); the pre-deploy check
// (scripts/predeploy.ts) compares the sum of these bounds with the account's limit, since a
// throttled receive burns a delivery attempt.
const INBOUND_SOURCE: SqsSourceOptions = {
  batchSize: EVENT_SOURCES.inbound.batchSize,
  maxBatchingWindow: Duration.seconds(EVENT_SOURCES.inbound.batchingWindowSeconds),
  maxConcurrency: EVENT_SOURCES.inbound.maxConcurrency,
};
const EVALUATE_SOURCE: SqsSourceOptions = {
  batchSize: EVENT_SOURCES.evaluate.batchSize,
  maxConcurrency: EVENT_SOURCES.evaluate.maxConcurrency,
};

/** An outbound message unread for a day: the institution's reader is down (messages expire after 14). */
export const OUTBOUND_AGE_ALARM_SECONDS = 24 * 3600;
/** Re-evaluations waiting ten minutes: evaluate is failing or throttled. */
export const EVALUATE_AGE_ALARM_SECONDS = 600;

export interface StatelessStackProps extends StackProps {
  readonly stage: string;
  readonly registry: Registry;
  /** Encrypts the tables and the evaluate queue. */
  readonly dataKey: IKey;
  /** Encrypts each institution's inbound and outbound queues, by institution id. */
  readonly institutionKeys: ReadonlyMap<string, IKey>;
  readonly alarmTopic: ITopic;
  /** Encrypts the function log groups. */
  readonly logKey: IKey;
  readonly settings: RegionSettings;
}

export class StatelessStack extends Stack {
  readonly functions: ReadonlyMap<FunctionName, LinkageFunction>;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stage, registry, dataKey, settings, logKey } = props;
    const keyOf = (institution: Institution): IKey => {
      const key = props.institutionKeys.get(institution.id);
      if (!key) throw new Error(`no key for institution ${institution.id}`);
      return key;
    };
    const evaluate = evaluateQueue(stage);
    const receivers = registry.institutions.filter(isReceiver);
    const functions = new Map<FunctionName, LinkageFunction>();

    for (const [name, kind] of Object.entries(INGEST_FUNCTIONS) as [keyof typeof INGEST_FUNCTIONS, SendingKind][]) {
      const senders = registry.institutions.filter((institution) => institution.kind === kind);
      const fn = new LinkageFunction(this, pascal(name), {
        stage,
        name,
        description: `Validates and stores messages from ${kind} institutions, then asks for re-evaluation`,
        timeout: Duration.seconds(FUNCTION_TIMEOUT_SECONDS.ingest),
        settings,
        logKey,
      })
        .bindTable('cases', dataKey, 'readWrite')
        .bindTable('quarantine', dataKey, 'put')
        .bindTable('idempotency', dataKey, 'readWrite')
        .allowSendTo(evaluate, dataKey);
      for (const sender of senders) {
        fn.consume(inboundQueue(stage, sender.id), keyOf(sender), INBOUND_SOURCE);
        // Rejections go back to the sender's outbound queue.
        fn.allowSendTo(outboundQueue(stage, sender.id), keyOf(sender));
      }
      functions.set(name, fn);
    }

    const evaluateFn = new LinkageFunction(this, 'Evaluate', {
      stage,
      name: 'evaluate',
      description: 'Evaluates an application and sends flags, copies and verification requests',
      timeout: Duration.seconds(FUNCTION_TIMEOUT_SECONDS.evaluate),
      settings,
      logKey,
    })
      .bindTable('cases', dataKey, 'readWrite')
      .bindTable('decisions', dataKey, 'readWrite')
      .bindTable('access', dataKey, 'put')
      .consume(evaluate, dataKey, EVALUATE_SOURCE);
    for (const receiver of receivers) evaluateFn.allowSendTo(outboundQueue(stage, receiver.id), keyOf(receiver));
    functions.set('evaluate', evaluateFn);

    const sweep = new LinkageFunction(this, 'SweepDeadlines', {
      stage,
      name: 'sweep-deadlines',
      description: 'Every 15 minutes, asks for re-evaluation of applications whose deadline has come',
      timeout: Duration.seconds(FUNCTION_TIMEOUT_SECONDS.sweep),
      settings,
      logKey,
      // Runs take seconds, every 15 minutes: they do not overlap. A missed run is caught up
      // by the next one.
      retryAttempts: 0,
    })
      .bindTable('cases', dataKey, { queryIndex: TABLES.cases.globalIndexes[0].indexName })
      .allowSendTo(evaluate, dataKey);
    new Rule(this, 'SweepSchedule', {
      description: 'Runs sweep-deadlines every 15 minutes',
      schedule: Schedule.rate(Duration.minutes(SWEEP_RATE_MINUTES)),
      targets: [new LambdaFunction(sweep)],
    });
    functions.set('sweep-deadlines', sweep);
    this.functions = functions;

    const alarmAction = new SnsAction(props.alarmTopic);
    const queues: QueueDefinition[] = [
      evaluate,
      ...registry.institutions.filter(isSender).map((institution) => inboundQueue(stage, institution.id)),
      ...receivers.map((institution) => outboundQueue(stage, institution.id)),
    ];
    for (const queue of queues) {
      const depth = new Metric({
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensionsMap: { QueueName: queue.dlqName },
        statistic: 'Maximum',
        period: Duration.minutes(5),
      });
      const description = `${queue.dlqName} holds messages that failed ${queue.maxReceiveCount} deliveries`;
      this.alarmOnAny(`${queue.dlqName}-depth`, depth, description).addAlarmAction(alarmAction);
    }
    for (const [name, fn] of functions) {
      const errors = fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' });
      this.alarmOnAny(`linkage-${stage}-${name}-errors`, errors, `${name} invocations failed`).addAlarmAction(
        alarmAction,
      );
      const throttles = fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' });
      const why = `${name} was throttled: the account's concurrency limit is reached (a throttled receive burns a delivery attempt)`;
      this.alarmOnAny(`linkage-${stage}-${name}-throttles`, throttles, why).addAlarmAction(alarmAction);
    }

    alarmAbove(
      this,
      `linkage-${stage}-evaluate-age`,
      queueMetric(evaluate.name, 'ApproximateAgeOfOldestMessage'),
      EVALUATE_AGE_ALARM_SECONDS,
      `A re-evaluation has waited over ${EVALUATE_AGE_ALARM_SECONDS} s in ${evaluate.name}: evaluate is failing, throttled or stopped`,
    ).addAlarmAction(alarmAction);
    alarmOnQueues(this, {
      prefix: `linkage-${stage}-outbound-age`,
      queueNames: receivers.map((institution) => outboundQueue(stage, institution.id).name),
      metricName: 'ApproximateAgeOfOldestMessage',
      threshold: OUTBOUND_AGE_ALARM_SECONDS,
      description: `A message has been unread for over a day (it expires after 14) in one of: {queues}`,
      action: alarmAction,
    });
  }

  /** Alarms as soon as the metric is above zero; `name` is also the construct id. */
  private alarmOnAny(name: string, metric: IMetric, description: string): Alarm {
    return new Alarm(this, name, {
      alarmName: name,
      alarmDescription: description,
      metric,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
