// The code: five functions, the evaluate queue's event source, the schedule, and the alarms
// that watch the functions. Tables and queues are addressed by the names in shared/resources;
// the institution queues by name pattern, so this stack does not grow with the registry (the
// institution stacks hold each inbound queue's event source mapping).
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { EVENT_SOURCES, SWEEP_RATE_MINUTES } from '../../shared/resources/event-sources.ts';
import { evaluateQueue, FUNCTION_TIMEOUT_SECONDS } from '../../shared/resources/queues.ts';
import type { SendingKind } from '../../shared/resources/registry.ts';
import { TABLES } from '../../shared/resources/tables.ts';
import { LinkageFunction, type FunctionName, type SqsSourceOptions } from '../constructs/linkage-function.ts';
import { alarmAbove, queueMetric } from '../constructs/queue-alarms.ts';
import type { RegionSettings } from '../deployment-settings.ts';

/** Which ingest function consumes the inbound queues of which kind of institution. */
export const INGEST_FUNCTIONS = {
  'ingest-status': 'ENFORCING_COURT',
  'ingest-dossier': 'PRISON',
  'ingest-ruling': 'HEARING_COURT',
} as const satisfies Partial<Record<FunctionName, SendingKind>>;

export function ingestFunctionOf(kind: SendingKind): keyof typeof INGEST_FUNCTIONS {
  const found = (Object.keys(INGEST_FUNCTIONS) as (keyof typeof INGEST_FUNCTIONS)[]).find(
    (name) => INGEST_FUNCTIONS[name] === kind,
  );
  if (!found) throw new Error(`no ingest function for ${kind}`);
  return found;
}

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
  /** Encrypts the tables and the evaluate queue. */
  readonly dataKey: IKey;
  readonly alarmTopic: ITopic;
  /** Encrypts the function log groups. */
  readonly logKey: IKey;
  readonly settings: RegionSettings;
}

export class StatelessStack extends Stack {
  readonly functions: ReadonlyMap<FunctionName, LinkageFunction>;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stage, dataKey, settings, logKey } = props;
    const evaluate = evaluateQueue(stage);
    const functions = new Map<FunctionName, LinkageFunction>();

    for (const [name, kind] of Object.entries(INGEST_FUNCTIONS) as [keyof typeof INGEST_FUNCTIONS, SendingKind][]) {
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
        .allowSendTo(evaluate, dataKey)
        // Its event sources read the inbound queues; rejections go back to the sender's outbound queue.
        .allowInstitutionQueues('consume')
        .allowInstitutionQueues('send');
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
      .consume(evaluate, dataKey, EVALUATE_SOURCE)
      .allowInstitutionQueues('send');
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

    const action = new SnsAction(props.alarmTopic);
    const depth = queueMetric(evaluate.dlqName, 'ApproximateNumberOfMessagesVisible');
    const failed = `${evaluate.dlqName} holds messages that failed ${evaluate.maxReceiveCount} deliveries`;
    alarmAbove(this, `${evaluate.dlqName}-depth`, depth, 0, failed).addAlarmAction(action);
    alarmAbove(
      this,
      `linkage-${stage}-evaluate-age`,
      queueMetric(evaluate.name, 'ApproximateAgeOfOldestMessage'),
      EVALUATE_AGE_ALARM_SECONDS,
      `A re-evaluation has waited over ${EVALUATE_AGE_ALARM_SECONDS} s in ${evaluate.name}: evaluate is failing, throttled or stopped`,
    ).addAlarmAction(action);
    for (const [name, fn] of functions) {
      const errors = fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' });
      alarmAbove(this, `linkage-${stage}-${name}-errors`, errors, 0, `${name} invocations failed`).addAlarmAction(
        action,
      );
      const throttles = fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' });
      const why = `${name} was throttled: the account's concurrency limit is reached (a throttled receive burns a delivery attempt)`;
      alarmAbove(this, `linkage-${stage}-${name}-throttles`, throttles, 0, why).addAlarmAction(action);
    }
  }
}

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
