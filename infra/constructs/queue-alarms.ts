// Alarms over many queues at once. One alarm per queue costs a CloudWatch alarm each
// (thousands at national scale); a metric-math alarm takes up to 10 metrics, so queues are
// watched ten at a time through MAX([...]), which fires when any one of them crosses.
import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
  type IAlarmAction,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';

/** CloudWatch's limit of metrics in one alarm's math expression. */
export const METRICS_PER_ALARM = 10;

export type QueueMetricName = 'ApproximateNumberOfMessagesVisible' | 'ApproximateAgeOfOldestMessage';

export function queueMetric(queueName: string, metricName: QueueMetricName): Metric {
  return new Metric({
    namespace: 'AWS/SQS',
    metricName,
    dimensionsMap: { QueueName: queueName },
    statistic: 'Maximum',
    period: Duration.minutes(5),
  });
}

export interface QueueAlarmGroupOptions {
  /** Alarm names are `<prefix>-<n>` (or `<prefix>` for a single group). */
  readonly prefix: string;
  readonly queueNames: readonly string[];
  readonly metricName: QueueMetricName;
  /** Fires when the metric of any queue is above this. */
  readonly threshold: number;
  /** `{queues}` is replaced by the names of the group's queues. */
  readonly description: string;
  readonly action: IAlarmAction;
}

export function alarmOnQueues(scope: Construct, options: QueueAlarmGroupOptions): Alarm[] {
  const groups: string[][] = [];
  for (let i = 0; i < options.queueNames.length; i += METRICS_PER_ALARM)
    groups.push(options.queueNames.slice(i, i + METRICS_PER_ALARM));
  return groups.map((group, index) => {
    const name = groups.length === 1 ? options.prefix : `${options.prefix}-${index + 1}`;
    const metric: IMetric =
      group.length === 1
        ? queueMetric(group[0]!, options.metricName)
        : new MathExpression({
            expression: `MAX([${group.map((_, i) => `q${i}`).join(',')}])`,
            usingMetrics: Object.fromEntries(group.map((q, i) => [`q${i}`, queueMetric(q, options.metricName)])),
            period: Duration.minutes(5),
            label: `${options.metricName}, highest of ${group.length} queues`,
          });
    const alarm = alarmAbove(
      scope,
      name,
      metric,
      options.threshold,
      options.description.replace('{queues}', group.join(', ')),
    );
    alarm.addAlarmAction(options.action);
    return alarm;
  });
}

/** An alarm as soon as the metric is above `threshold` for one period; `name` is also the construct id. */
export function alarmAbove(
  scope: Construct,
  name: string,
  metric: IMetric,
  threshold: number,
  description: string,
): Alarm {
  return new Alarm(scope, name, {
    alarmName: name,
    // CloudWatch caps descriptions at 1,024 characters.
    alarmDescription: description.length > 1024 ? `${description.slice(0, 1020)} …` : description,
    metric,
    threshold,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}
