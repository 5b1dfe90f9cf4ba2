// The same deployment synthesized for both China regions and a global one: every setting
// that differs by region comes from infra/deployment-settings.ts, and the first-deployment
// checks of the China documentation hold in each.
import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { concurrencyNeed, concurrencyProblems } from '../../infra/concurrency.ts';
import { LOG_RETENTION } from '../../infra/constructs/linkage-function.ts';
import { regionSettings } from '../../infra/deployment-settings.ts';
import { buildLinkage, loadRegistry } from '../../infra/linkage-app.ts';
import { EVALUATE_AGE_ALARM_SECONDS, OUTBOUND_AGE_ALARM_SECONDS } from '../../infra/stacks/stateless-stack.ts';
import { evaluateQueue, outboundQueue } from '../../shared/resources/queues.ts';
import { list, queuesWatchedBy, render, resourcesOf, statementsOf, synthesize, type Synthesized } from './synth.ts';

const REGIONS = [
  { region: 'cn-north-1', partition: 'aws-cn', tracing: false },
  { region: 'cn-northwest-1', partition: 'aws-cn', tracing: false },
  { region: 'eu-central-1', partition: 'aws', tracing: true },
] as const;

/** IAM's StringLike: `*` any run of characters, `?` one. */
function like(pattern: string, value: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}

function templates(s: Synthesized): Template[] {
  return [s.stateful, s.stateless, ...s.institutions.values()];
}

describe.each(REGIONS)('$region', ({ region, partition, tracing }) => {
  const s = synthesize({ region });
  const functions = resourcesOf(s.stateless, 'AWS::Lambda::Function');
  const alarms = resourcesOf(s.all, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);

  it(`writes every ARN in partition ${partition}`, () => {
    for (const template of templates(s)) {
      const text = JSON.stringify(template.toJSON());
      const arns = text.match(/arn:[a-z-]+:/g) ?? [];
      expect(arns.length).toBeGreaterThan(0);
      expect(new Set(arns)).toEqual(new Set([`arn:${partition}:`]));
      // Never the pseudo parameter where the partition is known.
      expect(text).not.toContain('AWS::Partition');
    }
  });

  it(`has tracing ${tracing ? 'on' : 'off'}, in the function, its Powertools setting and its role`, () => {
    for (const [id, fn] of functions) {
      if (tracing) expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      else expect(fn.Properties.TracingConfig, id).toBeUndefined();
      const env = (fn.Properties.Environment as { Variables: Record<string, string> }).Variables;
      expect(env.POWERTOOLS_TRACE_ENABLED, id).toBe(String(tracing));
    }
    const xray = resourcesOf(s.stateless, 'AWS::IAM::Policy').flatMap(([, p]) =>
      statementsOf(p.Properties.PolicyDocument).filter((st) => list(st.Action).some((a) => a.startsWith('xray:'))),
    );
    expect(xray.length > 0).toBe(tracing);
  });

  it('reserves no concurrency, and the pre-deploy check asks for what the event sources may use', () => {
    for (const [id, fn] of functions) expect(fn.Properties.ReservedConcurrentExecutions, id).toBeUndefined();
    const mappings = resourcesOf(s.all, 'AWS::Lambda::EventSourceMapping');
    const bound = mappings.reduce(
      (sum, [, m]) => sum + (m.Properties.ScalingConfig as { MaximumConcurrency: number }).MaximumConcurrency,
      0,
    );
    expect(concurrencyNeed(s.registry).total).toBe(bound + 1);
    expect(concurrencyProblems(s.registry, 10, region)).toEqual([
      expect.stringContaining(`limit in ${region} is 10, and the event sources may run ${bound + 1} at once`),
    ]);
    expect(concurrencyProblems(s.registry, 1000, region)).toEqual([]);
  });

  it('keeps function logs at least 180 days, encrypted with the log key, retained', () => {
    expect(LOG_RETENTION).toBeGreaterThanOrEqual(180);
    const groups = resourcesOf(s.stateless, 'AWS::Logs::LogGroup');
    expect(groups).toHaveLength(functions.length);
    for (const [id, group] of groups) {
      expect(group.Properties.RetentionInDays, id).toBeGreaterThanOrEqual(180);
      expect(render(group.Properties.KmsKeyId), id).toMatch(/LogKey/);
      expect(group.DeletionPolicy, id).toBe('RetainExceptOnCreate');
    }
  });

  it('sends alarms to the required e-mail target', () => {
    const subscriptions = resourcesOf(s.stateful, 'AWS::SNS::Subscription');
    expect(subscriptions.map(([, sub]) => sub.Properties.Endpoint)).toEqual(['ops@example.org']);
    const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    expect(() => buildLinkage(app, { stage: 'prod', registry: loadRegistry(), region })).toThrow(
      'stage prod needs an alarm target: add -c alarmEmail=',
    );
    for (const alarm of alarms) expect(list(alarm.AlarmActions as unknown[]).length).toBe(1);
  });

  it('alarms on unread outbound messages, a waiting evaluate queue and throttled functions', () => {
    const outboundAge = alarms.filter((a) => String(a.AlarmName).includes('-outbound-age'));
    const watched = outboundAge.flatMap(queuesWatchedBy);
    expect(watched.sort()).toEqual(s.registry.institutions.map((i) => outboundQueue('prod', i.id).name).sort());
    for (const alarm of outboundAge) expect(alarm.Threshold).toBe(OUTBOUND_AGE_ALARM_SECONDS);

    const evaluateAge = alarms.filter((a) => a.AlarmName === 'linkage-prod-evaluate-age');
    expect(evaluateAge).toHaveLength(1);
    expect(evaluateAge[0]).toMatchObject({
      MetricName: 'ApproximateAgeOfOldestMessage',
      Threshold: EVALUATE_AGE_ALARM_SECONDS,
      Dimensions: [{ Name: 'QueueName', Value: evaluateQueue('prod').name }],
    });

    const throttles = alarms.filter((a) => a.MetricName === 'Throttles');
    expect(throttles.map((a) => render((a.Dimensions as { Value: unknown }[])[0]!.Value)).sort()).toEqual(
      functions.map(([id]) => `\${${id}}`).sort(),
    );
  });

  it('retains keys, tables and queues except when their creation rolls back', () => {
    const stateful = ['AWS::KMS::Key', 'AWS::DynamoDB::Table', 'AWS::SQS::Queue'];
    for (const type of stateful) {
      const found = resourcesOf(s.queues, type);
      expect(found.length, type).toBeGreaterThan(0);
      for (const [id, resource] of found) {
        expect(resource.DeletionPolicy, id).toBe('RetainExceptOnCreate');
        expect(resource.UpdateReplacePolicy, id).toBe('Retain');
      }
    }
  });

  it('lets KMS be used through SQS and DynamoDB under either endpoint spelling, and no other', () => {
    const viaValues: string[] = [];
    for (const [, key] of resourcesOf(s.queues, 'AWS::KMS::Key'))
      for (const st of statementsOf(key.Properties.KeyPolicy))
        if (st.Condition?.StringLike?.['kms:ViaService'])
          viaValues.push(String(st.Condition.StringLike['kms:ViaService']));
    for (const [, policy] of resourcesOf(s.stateless, 'AWS::IAM::Policy'))
      for (const st of statementsOf(policy.Properties.PolicyDocument)) {
        expect(st.Condition?.StringEquals?.['kms:ViaService']).toBeUndefined();
        if (st.Condition?.StringLike?.['kms:ViaService'])
          viaValues.push(String(st.Condition.StringLike['kms:ViaService']));
      }
    expect(new Set(viaValues)).toEqual(new Set([`sqs.${region}.amazonaws.com*`, `dynamodb.${region}.amazonaws.com*`]));
    for (const service of ['sqs', 'dynamodb']) {
      const pattern = `${service}.${region}.amazonaws.com*`;
      expect(like(pattern, `${service}.${region}.amazonaws.com`)).toBe(true);
      expect(like(pattern, `${service}.${region}.amazonaws.com.cn`)).toBe(true);
      expect(like(pattern, `${service}.us-east-1.amazonaws.com`)).toBe(false);
      expect(like(pattern, `lambda.${region}.amazonaws.com`)).toBe(false);
    }
  });
});

describe('runtime and architecture', () => {
  it('default to nodejs24.x on arm64, with nodejs22.x and x86_64 as settings', () => {
    expect(regionSettings('cn-north-1')).toMatchObject({ runtime: 'nodejs24.x', architecture: 'arm64' });
    expect(regionSettings('cn-north-1', { runtime: 'nodejs22.x', architecture: 'x86_64' })).toMatchObject({
      runtime: 'nodejs22.x',
      architecture: 'x86_64',
      tracing: false,
    });
    expect(() => regionSettings('cn-north-1', { runtime: 'nodejs20.x' })).toThrow(
      'runtime must be one of nodejs24.x, nodejs22.x (got "nodejs20.x")',
    );
    expect(() => regionSettings('Beijing')).toThrow('region must be an AWS region such as cn-north-1');
  });

  it('synthesize nodejs22.x functions when asked', () => {
    const s = synthesize({ region: 'cn-northwest-1', runtime: 'nodejs22.x' });
    for (const [id, fn] of resourcesOf(s.stateless, 'AWS::Lambda::Function'))
      expect(fn.Properties.Runtime, id).toBe('nodejs22.x');
  });
});
