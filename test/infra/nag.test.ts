// cdk-nag AWS Solutions checks over the whole app: no finding may be left, of any severity,
// and every acknowledgement is scoped to one resource, one finding, with a reason.
import { App, CfnResource, Stack, Stage, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesize, type Synthesized } from './synth.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

function findings(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(scope);
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}: ${v.description}`),
  );
}

function acknowledgements(scope: IConstruct): { construct: IConstruct; id: string; reason: string }[] {
  return scope.node
    .findAll()
    .flatMap((construct) =>
      construct.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) =>
          Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ construct, id, reason })),
        ),
    );
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged error or warning anywhere in the app', () => {
    expect(findings(s.app)).toEqual([]);
  });

  it('is live: it catches a bare queue, and an acknowledgement silences one finding on one resource only', () => {
    const app = new App();
    const stack = new Stack(app, 'Probe');
    const bare = new Queue(stack, 'Bare');
    new Queue(stack, 'AlsoBare');
    Validations.of(bare).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'probe: this queue is a dead-letter queue elsewhere',
    });
    const found = findings(app);
    expect(found.some((f) => f.includes('AwsSolutions-SQS4 at Probe/Bare/'))).toBe(true);
    expect(found.some((f) => f.includes('AwsSolutions-SQS3 at Probe/AlsoBare/'))).toBe(true);
    expect(found.some((f) => f.includes('AwsSolutions-SQS3 at Probe/Bare/'))).toBe(false);
  });

  it('acknowledgements are each on one resource, for one finding, with a real reason', () => {
    const acks = acknowledgements(s.app);
    for (const { construct, id, reason } of acks) {
      const where = construct.node.path;
      expect(construct instanceof Stack || construct instanceof Stage, where).toBe(false);
      expect(
        construct.node.findAll().filter((c) => CfnResource.isCfnResource(c)),
        where,
      ).toHaveLength(1);
      expect(id, where).toMatch(/^Annotation::AwsSolutions-[A-Z]+\d+\[[^\]]+\]$/);
      expect(reason.length, where).toBeGreaterThanOrEqual(40);
    }
    // The institution queues by name pattern and the keys of the institution groups (see
    // LinkageFunction.allowInstitutionQueues, the redrive and console-sender roles in infra/constructs/);
    // elsewhere than China also the X-Ray statement (functions only).
    const expected = (region: string, xray: boolean) => {
      const arn = (service: string, resource: string) =>
        `arn:${region.startsWith('cn-') ? 'aws-cn' : 'aws'}:${service}:${region}:000000000000:${resource}`;
      const wildcards: Record<string, string[]> = {
        IngestStatus: ['in-*', 'out-*'],
        IngestDossier: ['in-*', 'out-*'],
        IngestRuling: ['in-*', 'out-*'],
        Evaluate: ['out-*'],
        SweepDeadlines: [],
        ReconcileAssessment: [],
      };
      return Object.entries(wildcards)
        .flatMap(([fn, queues]) =>
          [
            ...queues.map((q) => arn('sqs', `linkage-prod-${q}`)),
            ...(queues.length > 0 ? [arn('kms', 'key/*')] : []),
            ...(xray ? ['*'] : []),
          ].map(
            (resource) =>
              `Linkage-prod-Stateless/${fn}Role/DefaultPolicy Annotation::AwsSolutions-IAM5[Resource::${resource}]`,
          ),
        )
        .concat(
          [
            ...['in-*', 'out-*', 'in-*-dlq', 'out-*-dlq'].map((q) => arn('sqs', `linkage-prod-${q}`)),
            arn('kms', 'key/*'),
          ].map(
            (resource) =>
              `Linkage-prod-Stateless/Redrive/Role/DefaultPolicy Annotation::AwsSolutions-IAM5[Resource::${resource}]`,
          ),
        )
        .concat(
          [arn('sqs', 'linkage-prod-in-*'), arn('kms', 'key/*')].map(
            (resource) =>
              `Linkage-prod-Stateless/ConsoleSender/Role/DefaultPolicy Annotation::AwsSolutions-IAM5[Resource::${resource}]`,
          ),
        )
        .sort();
    };
    expect(acks.map((a) => `${a.construct.node.path} ${a.id}`).sort()).toEqual(expected('cn-north-1', false));
    const global = synthesize({ region: 'eu-central-1' });
    expect(
      acknowledgements(global.app)
        .map((a) => `${a.construct.node.path} ${a.id}`)
        .sort(),
    ).toEqual(expected('eu-central-1', true));
  });
});

describe('CDK annotations', () => {
  it('carry no warning or error on either stack', () => {
    for (const stack of [s.statefulStack, s.statelessStack]) {
      const annotations = Annotations.fromStack(stack);
      expect(annotations.findError('*', Match.anyValue()), stack.stackName).toEqual([]);
      // The example registry's accounts are placeholders: the one warning it may carry.
      const warnings = annotations.findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
      expect(
        warnings.filter((w) => !w.includes('placeholder account id')),
        stack.stackName,
      ).toEqual([]);
    }
  });
});
