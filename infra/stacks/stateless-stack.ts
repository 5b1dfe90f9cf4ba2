// The code: the functions of the catalogue (shared/resources/functions.ts), the evaluate
// queue's event source, the schedule, and the alarms that watch the functions. Tables and
// queues are addressed by the names in shared/resources; the institution queues by name
// pattern, so this stack does not grow with the registry (the institution stacks hold each
// inbound queue's event source mapping).
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { EVENT_SOURCES } from '../../shared/resources/event-sources.ts';
import { FUNCTIONS, FUNCTION_NAMES, type FunctionName, type TableAccess } from '../../shared/resources/functions.ts';
import { evaluateQueue } from '../../shared/resources/queues.ts';
import type { TableId } from '../../shared/resources/tables.ts';
import { CONSOLE_SENDER_PRINCIPAL_VARIABLE, REDRIVE_PRINCIPAL_VARIABLE } from '../../shared/pipeline/environment.ts';
import { LinkageFunction } from '../constructs/linkage-function.ts';
import { ConsoleSenderRole } from '../constructs/console-sender-role.ts';
import { RedriveRole } from '../constructs/redrive-role.ts';
import { alarmAbove, queueMetric } from '../constructs/queue-alarms.ts';
import type { RegionSettings } from '../deployment-settings.ts';

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

    // Every function of the catalogue, its grants in one order: tables, the evaluate queue,
    // its trigger, the outbound queues.
    for (const name of FUNCTION_NAMES) {
      const definition = FUNCTIONS[name];
      const { trigger } = definition;
      const fn = new LinkageFunction(this, pascal(name), {
        stage,
        name,
        description: definition.description,
        timeout: Duration.seconds(definition.timeoutSeconds),
        settings,
        logKey,
        // Scheduled runs take seconds and do not overlap; a missed run is caught up by the next one.
        ...(trigger.type === 'schedule' || trigger.type === 'nightly' ? { retryAttempts: 0 } : {}),
      });
      for (const [table, access] of Object.entries(definition.tables) as [TableId, TableAccess | TableAccess[]][])
        for (const one of [access].flat()) fn.bindTable(table, dataKey, one);
      if ((definition.sendsTo as readonly string[]).includes('evaluate')) fn.allowSendTo(evaluate, dataKey);
      // Inbound queues' event source mappings live in the institution stacks, beside the queues.
      if (trigger.type === 'inbound') fn.allowInstitutionQueues('consume');
      if (trigger.type === 'evaluate-queue') fn.consume(evaluate, dataKey, EVENT_SOURCES.evaluate);
      if ((definition.sendsTo as readonly string[]).includes('outbound')) fn.allowInstitutionQueues('send');
      if (trigger.type === 'schedule') {
        // `SweepSchedule`: the rule's id from before the catalogue, so a deploy keeps the rule.
        new Rule(this, `${pascal(name).replace(/Deadlines$/, '')}Schedule`, {
          description: `Runs ${name} every ${trigger.rateMinutes} minutes`,
          schedule: Schedule.rate(Duration.minutes(trigger.rateMinutes)),
          targets: [new LambdaFunction(fn)],
        });
      }
      if (trigger.type === 'nightly') {
        const { hour, minute } = trigger.utc;
        new Rule(this, `${pascal(name)}Schedule`, {
          description: `Runs ${name} every day at ${hour}:${String(minute).padStart(2, '0')} UTC`,
          schedule: Schedule.cron({ minute: String(minute), hour: String(hour) }),
          targets: [new LambdaFunction(fn)],
        });
      }
      functions.set(name, fn);
    }
    this.functions = functions;
    // The ingest functions judge what this role re-sends by the original SenderId it carries.
    // And what the console-sender role sends as from the queue's owner (the console verified the user).
    const redrive = new RedriveRole(this, 'Redrive', { stage, dataKey });
    const consoleSender = new ConsoleSenderRole(this, 'ConsoleSender', { stage });
    for (const [name, fn] of functions)
      if (FUNCTIONS[name].trigger.type === 'inbound') {
        fn.addEnvironment(REDRIVE_PRINCIPAL_VARIABLE, redrive.role.roleId);
        fn.addEnvironment(CONSOLE_SENDER_PRINCIPAL_VARIABLE, consoleSender.role.roleId);
      }

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
