// Synthesizes the two stacks the way `cdk synth` does (same feature flags from cdk.json),
// with bundling skipped unless asked for, and offers helpers to read the templates.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { buildLinkage, loadRegistry } from '../../infra/linkage-app.ts';
import type { InstitutionsStack } from '../../infra/stacks/institutions-stack.ts';
import type { StatefulStack } from '../../infra/stacks/stateful-stack.ts';
import type { StatelessStack } from '../../infra/stacks/stateless-stack.ts';
import type { Registry } from '../../shared/resources/registry.ts';

export const STAGE = 'prod';
export const REGION = 'cn-north-1';
export const ACCOUNT = '000000000000';

export interface Synthesized {
  readonly app: App;
  readonly registry: Registry;
  readonly statefulStack: StatefulStack;
  readonly statelessStack: StatelessStack;
  readonly stateful: Template;
  readonly stateless: Template;
  readonly institutionStacks: ReadonlyMap<string, InstitutionsStack>;
  /** By group (`FJ-3`). */
  readonly institutions: ReadonlyMap<string, Template>;
  /** The stateful stack and every institution stack as one template (logical ids are unique across them). */
  readonly queues: Template;
  /** Every stack as one template. */
  readonly all: Template;
}

/** Resources of several templates in one; refuses a logical id used twice. */
export function merged(templates: readonly Template[]): Template {
  const resources: Record<string, unknown> = {};
  for (const template of templates) {
    for (const [id, resource] of Object.entries(
      (template.toJSON() as { Resources: Record<string, unknown> }).Resources,
    )) {
      if (id in resources) throw new Error(`logical id ${id} appears in two stacks`);
      resources[id] = resource;
    }
  }
  return Template.fromJSON({ Resources: resources });
}

export const ALARM_EMAIL = 'ops@example.org';

export interface SynthOptions {
  readonly stage?: string;
  /** Default cn-north-1. */
  readonly region?: string;
  /** Default ALARM_EMAIL; null for none. */
  readonly alarmEmail?: string | null;
  readonly runtime?: string;
  readonly registry?: Registry;
  /** Run esbuild for the five functions (slow); skipped by default. */
  readonly bundle?: boolean;
  readonly outdir?: string;
}

export function synthesize(options: SynthOptions = {}): Synthesized {
  const registry = options.registry ?? loadRegistry();
  const app = new App({
    context: { ...cdkJson.context, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const alarmEmail = options.alarmEmail === undefined ? ALARM_EMAIL : options.alarmEmail;
  const { stateful, stateless, institutions } = buildLinkage(app, {
    stage: options.stage ?? STAGE,
    registry,
    region: options.region ?? REGION,
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(options.runtime ? { runtime: options.runtime } : {}),
  });
  const statefulTemplate = Template.fromStack(stateful);
  const statelessTemplate = Template.fromStack(stateless);
  const groups = new Map([...institutions].map(([group, stack]) => [group, Template.fromStack(stack)]));
  return {
    app,
    registry,
    statefulStack: stateful,
    statelessStack: stateless,
    stateful: statefulTemplate,
    stateless: statelessTemplate,
    institutionStacks: institutions,
    institutions: groups,
    queues: merged([statefulTemplate, ...groups.values()]),
    all: merged([statefulTemplate, statelessTemplate, ...groups.values()]),
  };
}

export interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

export function resourcesOf(template: Template, type: string): [string, Resource][] {
  return Object.entries(template.findResources(type) as Record<string, Resource>);
}

/**
 * Renders an intrinsic-laden value as one string, so ARNs can be compared:
 * `{Ref: X}` → `${X}`, `{Fn::GetAtt: [Id, Attr]}` → `Id.Attr`, `{Fn::ImportValue: N}` → the
 * GetAtt the export stands for when `exports` knows it.
 */
export function render(value: unknown, exports: Readonly<Record<string, string>> = {}): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('Ref' in v) return `\${${String(v.Ref)}}`;
    if ('Fn::GetAtt' in v) return (v['Fn::GetAtt'] as string[]).join('.');
    if ('Fn::ImportValue' in v) {
      const name = render(v['Fn::ImportValue']);
      return exports[name] ?? `import:${name}`;
    }
    if ('Fn::Join' in v) {
      const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map((part) => render(part, exports)).join(separator);
    }
  }
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

/** Export name → the `LogicalId.Attr` it exports, from the producing stack's outputs. */
export function exportsOf(template: Template): Record<string, string> {
  const outputs =
    (template.toJSON() as { Outputs?: Record<string, { Value: unknown; Export?: { Name: string } }> }).Outputs ?? {};
  return Object.fromEntries(
    Object.values(outputs)
      .filter((output) => output.Export)
      .map((output) => [output.Export!.Name, render(output.Value)]),
  );
}

export interface Statement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly Principal?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

export function statementsOf(policyDocument: unknown): Statement[] {
  return (policyDocument as { Statement: Statement[] }).Statement;
}

export function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Every (effect | action | resource | conditions) a role's policies in `template` grant, one
 * string each; conditions as `<operator> <key>=<values>` sorted and joined by `; `.
 */
export function roleGrants(
  template: Template,
  roleLogicalId: string,
  exports: Readonly<Record<string, string>> = {},
): string[] {
  const policies = resourcesOf(template, 'AWS::IAM::Policy').filter(([, p]) =>
    (p.Properties.Roles as unknown[]).some((r) => render(r) === `\${${roleLogicalId}}`),
  );
  if (policies.length !== 1) throw new Error(`${roleLogicalId}: expected one policy, found ${policies.length}`);
  return statementsOf(policies[0]![1].Properties.PolicyDocument).flatMap((st) =>
    list(st.Action).flatMap((action) =>
      list(st.Resource).map((resource) =>
        [
          st.Effect,
          action,
          render(resource, exports),
          Object.entries(st.Condition ?? {})
            .flatMap(([op, c]) =>
              Object.entries(c).map(
                ([k, v]) =>
                  `${op} ${k}=${list(v as unknown)
                    .map((x) => render(x))
                    .join(',')}`,
              ),
            )
            .sort()
            .join('; '),
        ].join(' | '),
      ),
    ),
  );
}

/** `arn:aws-cn:sqs:cn-north-1:000000000000:<name>` as the templates spell it. */
export function sqsArn(name: string): string {
  return `arn:aws-cn:sqs:${REGION}:${ACCOUNT}:${name}`;
}

export function tableArnOf(name: string): string {
  return `arn:aws-cn:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
}

export interface EventSource {
  /** `linkage-prod-ingest-status`. */
  readonly functionName: string;
  /** The queue's name. */
  readonly queueName: string;
  readonly properties: Record<string, unknown>;
}

/**
 * Every SQS event source mapping of the app, by function and queue name: the evaluate
 * queue's in the stateless stack (by reference), the inbound queues' in the institution
 * stacks (function by name, queue by reference within the stack).
 */
export function eventSources(s: Synthesized): EventSource[] {
  const functionNames = new Map(
    resourcesOf(s.stateless, 'AWS::Lambda::Function').map(([id, fn]) => [
      `\${${id}}`,
      String(fn.Properties.FunctionName),
    ]),
  );
  const queueNames = new Map(
    resourcesOf(s.queues, 'AWS::SQS::Queue').map(([id, q]) => [`${id}.Arn`, String(q.Properties.QueueName)]),
  );
  return resourcesOf(s.all, 'AWS::Lambda::EventSourceMapping').map(([, mapping]) => {
    const fn = render(mapping.Properties.FunctionName);
    const queue = render(mapping.Properties.EventSourceArn);
    return {
      functionName: functionNames.get(fn) ?? fn,
      queueName: queueNames.get(queue) ?? queue.split(':').at(-1)!,
      properties: mapping.Properties,
    };
  });
}

interface MetricStat {
  readonly MetricStat?: { readonly Metric: { readonly MetricName: string; readonly Dimensions: { Value: unknown }[] } };
}

/** The queues an alarm watches: its QueueName dimension, or those of its math expression's metrics. */
export function queuesWatchedBy(alarm: Record<string, unknown>): string[] {
  const dimensions = alarm.Dimensions as { Name: string; Value: unknown }[] | undefined;
  if (dimensions) return dimensions.filter((d) => d.Name === 'QueueName').map((d) => String(d.Value));
  return ((alarm.Metrics as MetricStat[] | undefined) ?? []).flatMap((m) =>
    m.MetricStat ? m.MetricStat.Metric.Dimensions.map((d) => String(d.Value)) : [],
  );
}

export function metricNameOf(alarm: Record<string, unknown>): string | undefined {
  if (typeof alarm.MetricName === 'string') return alarm.MetricName;
  const stat = ((alarm.Metrics as MetricStat[] | undefined) ?? []).find((m) => m.MetricStat);
  return stat?.MetricStat?.Metric.MetricName;
}
