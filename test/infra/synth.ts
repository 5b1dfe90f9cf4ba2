// Synthesizes the two stacks the way `cdk synth` does (same feature flags from cdk.json),
// with bundling skipped unless asked for, and offers helpers to read the templates.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { buildLinkage, loadRegistry } from '../../infra/linkage-app.ts';
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
  const { stateful, stateless } = buildLinkage(app, {
    stage: options.stage ?? STAGE,
    registry,
    region: options.region ?? REGION,
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(options.runtime ? { runtime: options.runtime } : {}),
  });
  return {
    app,
    registry,
    statefulStack: stateful,
    statelessStack: stateless,
    stateful: Template.fromStack(stateful),
    stateless: Template.fromStack(stateless),
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

/** `arn:aws-cn:sqs:cn-north-1:000000000000:<name>` as the templates spell it. */
export function sqsArn(name: string): string {
  return `arn:aws-cn:sqs:${REGION}:${ACCOUNT}:${name}`;
}

export function tableArnOf(name: string): string {
  return `arn:aws-cn:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
}
