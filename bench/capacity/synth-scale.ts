// Synthesizes a whole deployment for a registry, offline and without bundling (the function
// code does not change with the registry), and measures every template against
// CloudFormation's limits: resources, template size (with S3 upload, as CDK deploys large
// templates), outputs; plus the largest KMS key policy against KMS's limit.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { buildLinkage } from '../../infra/linkage-app.ts';
import type { Registry } from '../../shared/resources/registry.ts';

export const CLOUDFORMATION_LIMITS = { resources: 500, bytes: 1_048_576, outputs: 200 } as const;
export const KMS_KEY_POLICY_LIMIT_BYTES = 32_768;
/** Every template stays within this share of each limit. */
export const LIMIT_MARGIN = 0.8;

export interface TemplateSize {
  readonly stack: string;
  readonly resources: number;
  readonly bytes: number;
  readonly outputs: number;
  readonly largestKeyPolicyBytes: number;
}

export interface SynthMeasure {
  readonly institutions: number;
  readonly stacks: number;
  readonly synthMs: number;
  readonly totalResources: number;
  readonly templates: readonly TemplateSize[];
  /** Highest share of any limit reached by any template (0..1). */
  readonly worstShare: number;
}

export function measureSynth(registry: Registry, region = 'cn-north-1'): SynthMeasure {
  const outdir = mkdtempSync(join(tmpdir(), 'linkage-scale-'));
  try {
    const started = performance.now();
    const app = new App({ outdir, context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    const { stateful, stateless, institutions } = buildLinkage(app, {
      stage: 'prod',
      registry,
      region,
      alarmEmail: 'ops@example.org',
    });
    const assembly = app.synth();
    const synthMs = performance.now() - started;
    const templates = [stateful, stateless, ...institutions.values()].map((stack): TemplateSize => {
      const text = readFileSync(join(assembly.directory, stack.templateFile), 'utf8');
      const json = JSON.parse(text) as {
        Resources: Record<string, { Type: string; Properties?: { KeyPolicy?: unknown } }>;
        Outputs?: object;
      };
      const keyPolicies = Object.values(json.Resources)
        .filter((r) => r.Type === 'AWS::KMS::Key')
        .map((r) => JSON.stringify(r.Properties?.KeyPolicy ?? {}).length);
      return {
        stack: stack.stackName,
        resources: Object.keys(json.Resources).length,
        bytes: Buffer.byteLength(text),
        outputs: Object.keys(json.Outputs ?? {}).length,
        largestKeyPolicyBytes: Math.max(0, ...keyPolicies),
      };
    });
    const worstShare = Math.max(
      ...templates.flatMap((t) => [
        t.resources / CLOUDFORMATION_LIMITS.resources,
        t.bytes / CLOUDFORMATION_LIMITS.bytes,
        t.outputs / CLOUDFORMATION_LIMITS.outputs,
        t.largestKeyPolicyBytes / KMS_KEY_POLICY_LIMIT_BYTES,
      ]),
    );
    return {
      institutions: registry.institutions.length,
      stacks: templates.length,
      synthMs,
      totalResources: templates.reduce((sum, t) => sum + t.resources, 0),
      templates,
      worstShare,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
