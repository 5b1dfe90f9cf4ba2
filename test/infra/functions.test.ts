// Functions: runtime, bundling settings visible in the template, environment, event
// sources, schedule and alarms.
import { beforeAll, describe, expect, it } from 'vitest';
import { concurrencyNeed } from '../../infra/concurrency.ts';
import {
  FUNCTION_NAMES,
  FUNCTION_TIMEOUT_SECONDS,
  INGEST_FUNCTION_NAMES,
  kindOfFunction,
  type FunctionName,
} from '../../shared/resources/functions.ts';
import { evaluateQueue, inboundQueue, outboundQueue } from '../../shared/resources/queues.ts';
import { EVENT_SOURCES } from '../../shared/resources/event-sources.ts';
import { isSender, type Registry } from '../../shared/resources/registry.ts';
import {
  eventSources,
  metricNameOf,
  queuesWatchedBy,
  render,
  resourcesOf,
  synthesize,
  type Resource,
  type Synthesized,
} from './synth.ts';

let s: Synthesized;
/** Function resources by short name (ingest-status...), with their logical ids. */
let functions: Map<FunctionName, { id: string; props: Record<string, unknown> }>;
let mappings: Resource[];

const TIMEOUTS: Record<FunctionName, number> = {
  'ingest-status': FUNCTION_TIMEOUT_SECONDS.ingest,
  'ingest-dossier': FUNCTION_TIMEOUT_SECONDS.ingest,
  'ingest-ruling': FUNCTION_TIMEOUT_SECONDS.ingest,
  evaluate: FUNCTION_TIMEOUT_SECONDS.evaluate,
  'reconcile-assessment': FUNCTION_TIMEOUT_SECONDS.reconcile,
  'sweep-deadlines': FUNCTION_TIMEOUT_SECONDS.sweep,
};

function functionsOf(synth: Synthesized): Map<FunctionName, { id: string; props: Record<string, unknown> }> {
  return new Map(
    resourcesOf(synth.stateless, 'AWS::Lambda::Function').map(([id, fn]) => [
      (fn.Properties.FunctionName as string).replace('linkage-prod-', '') as FunctionName,
      { id, props: fn.Properties },
    ]),
  );
}

function sourcesOf(synth: Synthesized, name: FunctionName): string[] {
  return eventSources(synth)
    .filter((source) => source.functionName === `linkage-prod-${name}`)
    .map((source) => source.queueName)
    .sort();
}

beforeAll(() => {
  s = synthesize();
  functions = functionsOf(s);
  mappings = resourcesOf(s.all, 'AWS::Lambda::EventSourceMapping').map(([, m]) => m);
});

describe('functions', () => {
  it('are the five handlers, on Node 24, ARM64, untraced in China, with their timeouts', () => {
    expect([...functions.keys()].sort()).toEqual([...FUNCTION_NAMES].sort());
    for (const [name, { props }] of functions) {
      expect(props.Runtime, name).toBe('nodejs24.x');
      expect(props.Architectures, name).toEqual(['arm64']);
      expect(props.TracingConfig, name).toBeUndefined();
      expect(props.Handler, name).toBe('index.handler');
      expect(props.Timeout, name).toBe(TIMEOUTS[name]);
    }
  });

  it('log to an explicit log group of their own, with a retention', () => {
    const groups = new Map(resourcesOf(s.stateless, 'AWS::Logs::LogGroup'));
    for (const [name, { props }] of functions) {
      const groupId = render((props.LoggingConfig as { LogGroup: unknown }).LogGroup).replace(/^\$\{|\}$/g, '');
      const group = groups.get(groupId)!;
      expect(group.Properties.LogGroupName, name).toBe(`/aws/lambda/linkage-prod-${name}`);
      expect(group.Properties.RetentionInDays, name).toBeGreaterThanOrEqual(180);
      expect(group.Properties.KmsKeyId, name).toBeDefined();
      expect(group.DeletionPolicy, name).toBe('RetainExceptOnCreate');
    }
    expect(groups.size).toBe(functions.size);
    // No log-retention custom resource, no AWS managed policies.
    expect(s.stateless.findResources('Custom::LogRetention')).toEqual({});
    for (const [, role] of resourcesOf(s.stateless, 'AWS::IAM::Role'))
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('get the shared environment: stage, queue URL base, Powertools names', () => {
    for (const [name, { props }] of functions) {
      const env = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.STAGE, name).toBe('prod');
      expect(render(env.QUEUE_URL_BASE), name).toBe('https://sqs.cn-north-1.${AWS::URLSuffix}/000000000000');
      expect(env.POWERTOOLS_SERVICE_NAME, name).toBe('linkage');
      expect(env.POWERTOOLS_METRICS_NAMESPACE, name).toBe('Linkage');
      expect(env.NODE_OPTIONS, name).toBe('--enable-source-maps');
    }
  });
});

describe('event sources', () => {
  it('every SQS event source reports batch item failures', () => {
    expect(mappings.length).toBeGreaterThan(0);
    for (const mapping of mappings)
      expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it('reserve no concurrency: a new account may have a limit of 10', () => {
    for (const [name, { props }] of functions) expect(props.ReservedConcurrentExecutions, name).toBeUndefined();
    for (const mapping of mappings)
      expect(
        (mapping.Properties.ScalingConfig as { MaximumConcurrency: number }).MaximumConcurrency,
      ).toBeGreaterThanOrEqual(2);
  });

  it('connect each ingest function to the inbound queues of its kind, and evaluate to the FIFO queue', () => {
    for (const name of INGEST_FUNCTION_NAMES) {
      const kind = kindOfFunction(name);
      const expected = s.registry.institutions
        .filter((inst) => inst.kind === kind)
        .map((inst) => inboundQueue('prod', inst.id).name);
      expect(sourcesOf(s, name), name).toEqual(expected.sort());
      expect(expected.length, `${kind} institutions in the registry`).toBeGreaterThan(0);
    }
    expect(sourcesOf(s, 'evaluate')).toEqual([evaluateQueue('prod').name]);
    expect(sourcesOf(s, 'sweep-deadlines')).toEqual([]);
  });

  it('batch standard queues over the shared window; FIFO sources have none', () => {
    for (const { queueName, properties } of eventSources(s)) {
      const mapping = { Properties: properties };
      const fifo = queueName.endsWith('.fifo');
      expect(mapping.Properties.BatchSize).toBe(10);
      if (fifo) expect(mapping.Properties.MaximumBatchingWindowInSeconds).toBeUndefined();
      else expect(mapping.Properties.MaximumBatchingWindowInSeconds).toBe(EVENT_SOURCES.inbound.batchingWindowSeconds);
    }
  });

  it('follow the registry: one more prison, one more source and a larger concurrency need', () => {
    const registry: Registry = structuredClone(s.registry);
    registry.institutions.push({
      id: 'FJ-P03',
      kind: 'PRISON',
      name: 'Prison No. 3',
      nameZh: '福建省第三监狱',
      province: 'FJ',
      accountId: '111111111103',
      roleName: 'linkage-connector',
      procuratorateId: 'FJ-JC-P01',
    });
    const bigger = synthesize({ registry });
    expect(sourcesOf(bigger, 'ingest-dossier')).toEqual(
      [...sourcesOf(s, 'ingest-dossier'), inboundQueue('prod', 'FJ-P03').name].sort(),
    );
    expect(concurrencyNeed(registry).total).toBe(
      concurrencyNeed(s.registry).total + EVENT_SOURCES.inbound.maxConcurrency,
    );
    const names = resourcesOf(bigger.queues, 'AWS::SQS::Queue').map(([, q]) => q.Properties.QueueName);
    expect(names).toEqual(
      expect.arrayContaining([inboundQueue('prod', 'FJ-P03').name, outboundQueue('prod', 'FJ-P03').name]),
    );
  });
});

describe('schedule', () => {
  it('runs sweep-deadlines every 15 minutes and reconcile-assessment at 01:30 China time, and only them', () => {
    const rules = new Map(
      resourcesOf(s.stateless, 'AWS::Events::Rule').map(([, rule]) => {
        expect(rule.Properties.State).toBe('ENABLED');
        const targets = (rule.Properties.Targets as { Arn: unknown }[]).map((t) => render(t.Arn));
        return [rule.Properties.ScheduleExpression, targets];
      }),
    );
    expect(Object.fromEntries(rules)).toEqual({
      'rate(15 minutes)': [`${functions.get('sweep-deadlines')!.id}.Arn`],
      'cron(30 17 * * ? *)': [`${functions.get('reconcile-assessment')!.id}.Arn`],
    });
    const permissions = resourcesOf(s.stateless, 'AWS::Lambda::Permission');
    expect(permissions.map(([, p]) => [p.Properties.Principal, render(p.Properties.FunctionName)]).sort()).toEqual(
      [
        ['events.amazonaws.com', `${functions.get('sweep-deadlines')!.id}.Arn`],
        ['events.amazonaws.com', `${functions.get('reconcile-assessment')!.id}.Arn`],
      ].sort(),
    );
  });
});

describe('alarms', () => {
  const alarms = () => resourcesOf(s.all, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
  const dimension = (alarm: Record<string, unknown>, name: string) =>
    (alarm.Dimensions as { Name: string; Value: unknown }[] | undefined)?.find((d) => d.Name === name)?.Value;

  it('fire when any dead-letter queue holds a message, for every DLQ', () => {
    const dlqs = resourcesOf(s.queues, 'AWS::SQS::Queue')
      .map(([, q]) => q.Properties.QueueName as string)
      .filter((name) => name.includes('-dlq'));
    const watched = alarms().filter((a) => metricNameOf(a) === 'ApproximateNumberOfMessagesVisible');
    expect(watched.flatMap(queuesWatchedBy).sort()).toEqual(dlqs.sort());
    for (const alarm of watched) {
      expect(alarm.Threshold).toBe(0);
      expect(alarm.ComparisonOperator).toBe('GreaterThanThreshold');
    }
  });

  it('fire when any function fails, for every function', () => {
    const watched = alarms().filter((a) => a.Namespace === 'AWS/Lambda' && a.MetricName === 'Errors');
    expect(watched.map((a) => render(dimension(a, 'FunctionName'))).sort()).toEqual(
      [...functions.values()].map((f) => `\${${f.id}}`).sort(),
    );
    for (const alarm of watched) {
      expect(alarm.MetricName).toBe('Errors');
      expect(alarm.Threshold).toBe(0);
      expect(alarm.ComparisonOperator).toBe('GreaterThanThreshold');
    }
  });

  it('notify the encrypted alarm topic', () => {
    const [topicId, topic] = resourcesOf(s.stateful, 'AWS::SNS::Topic')[0]!;
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    expect(topic.Properties.TopicName).toBe('linkage-prod-alarms');
    for (const alarm of alarms()) {
      const actions = (alarm.AlarmActions as unknown[]).map((a) => render(a));
      expect(actions).toHaveLength(1);
      expect(actions[0]).toMatch(
        new RegExp(
          `^(import:Linkage-prod-Stateful:ExportsOutputRef${topicId}|arn:aws-cn:sns:cn-north-1:000000000000:linkage-prod-alarms$)`,
        ),
      );
    }
  });

  it('every sending institution has an inbound queue DLQ alarm and every institution an outbound one', () => {
    const watched = new Set(alarms().flatMap(queuesWatchedBy));
    for (const inst of s.registry.institutions) {
      expect(watched.has(outboundQueue('prod', inst.id).dlqName), inst.id).toBe(true);
      expect(watched.has(inboundQueue('prod', inst.id).dlqName), inst.id).toBe(isSender(inst));
    }
  });
});
