// The console stack, public and private: cdk-nag clean, the API role reads and records views
// but never writes cases or decisions, and the private API answers only its VPC endpoints.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { buildLinkage, loadRegistry } from '../../infra/linkage-app.ts';
import type { ConsoleNetwork } from '../../infra/stacks/console-stack.ts';
import { ALARM_EMAIL, list, REGION, statementsOf, STAGE, tableArnOf, render } from './synth.ts';

const OIDC = {
  issuer: 'https://sso.court.example.cn/realms/courts',
  audience: 'linkage-console',
  jwksUri: 'https://sso.court.example.cn/realms/courts/protocol/openid-connect/certs',
  clientId: 'linkage-console',
};

const synthesized = new Map<string, ReturnType<typeof synthOnce>>();
function synth(network: ConsoleNetwork) {
  if (!synthesized.has(network.mode)) synthesized.set(network.mode, synthOnce(network));
  return synthesized.get(network.mode)!;
}

function synthOnce(network: ConsoleNetwork) {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildLinkage(app, {
    stage: STAGE,
    registry: loadRegistry(),
    region: REGION,
    alarmEmail: ALARM_EMAIL,
    console: { oidc: OIDC, network },
  });
  const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stacks.console!);
  const findings = report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`),
  );
  return { template: Template.fromStack(stacks.console!), findings };
}

const table = (name: string) => tableArnOf(`linkage-${STAGE}-${name}`);

describe('console stack', () => {
  for (const network of [
    { mode: 'public' },
    { mode: 'private', vpcEndpointIds: ['vpce-0123456789abcdef0'] },
  ] as const) {
    it(`${network.mode}: no cdk-nag finding is left`, () => {
      expect(synth(network).findings).toEqual([]);
    });
  }

  it('the API role writes nothing but view entries to the access table', () => {
    const { template } = synth({ mode: 'public' });
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: unknown; Roles: unknown[] };
    }[];
    const apiPolicy = policies.find((p) => JSON.stringify(p.Properties.Roles).includes('ApiFunctionRole'))!;
    const writes = statementsOf(apiPolicy.Properties.PolicyDocument).filter((s) =>
      list(s.Action).some((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)),
    );
    expect(writes).toHaveLength(1);
    expect(list(writes[0]!.Action)).toEqual(['dynamodb:PutItem']);
    expect(list(writes[0]!.Resource).map((r) => render(r))).toEqual([table('access')]);
    const everything = statementsOf(apiPolicy.Properties.PolicyDocument).flatMap((s) =>
      list(s.Resource).map((r) => render(r)),
    );
    expect(everything.some((r) => r.includes(table('cases')) && r.endsWith('/index/byHearingCourt'))).toBe(true);
  });

  it('the API role uses no queue itself: it sends as the console-sender role, reads and deletes nothing', () => {
    const { template } = synth({ mode: 'public' });
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: unknown; Roles: unknown[] };
    }[];
    const apiPolicy = policies.find((p) => JSON.stringify(p.Properties.Roles).includes('ApiFunctionRole'))!;
    const sqs = statementsOf(apiPolicy.Properties.PolicyDocument).filter(
      (s) => s.Effect !== 'Deny' && list(s.Action).some((a) => a.startsWith('sqs:')),
    );
    expect(sqs).toEqual([]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: { CONSOLE_SENDER_ROLE_ARN: 'arn:aws-cn:iam::000000000000:role/linkage-prod-console-sender' },
      },
    });
  });

  it("the operators' page works as the redrive role: the API role may assume it and the console-sender role, nothing else of STS or IAM", () => {
    const { template } = synth({ mode: 'public' });
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: unknown; Roles: unknown[] };
    }[];
    const apiPolicy = policies.find((p) => JSON.stringify(p.Properties.Roles).includes('ApiFunctionRole'))!;
    const statements = statementsOf(apiPolicy.Properties.PolicyDocument);
    const identity = statements.filter((st) => list(st.Action).some((a) => /^(sts|iam):/.test(a)));
    const redriveRole = 'arn:aws-cn:iam::000000000000:role/linkage-prod-redrive';
    const consoleSender = 'arn:aws-cn:iam::000000000000:role/linkage-prod-console-sender';
    expect(identity.map((st) => [st.Effect, list(st.Action), list(st.Resource).map((r) => render(r))]).sort()).toEqual(
      [
        ['Allow', ['sts:AssumeRole'], [redriveRole]],
        ['Allow', ['sts:AssumeRole'], [consoleSender]],
      ].sort(),
    );
    // Dead letters are read and re-sent with the redrive role's credentials, never the API role's own.
    const deadLetterActions = statements
      .filter((st) => st.Effect === 'Allow')
      .flatMap((st) => list(st.Action))
      .filter((a) => /^sqs:(ReceiveMessage|DeleteMessage|GetQueueAttributes)$/.test(a));
    expect(deadLetterActions).toEqual([]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { REDRIVE_ROLE_ARN: redriveRole } },
    });
  });

  it('public: CloudFront serves the pages and forwards /api/* to the regional API', () => {
    const { template } = synth({ mode: 'public' });
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as {
      Properties: { DistributionConfig: { CacheBehaviors: { PathPattern: string }[]; DefaultRootObject: string } };
    };
    expect(distribution.Properties.DistributionConfig.DefaultRootObject).toBe('index.html');
    expect(distribution.Properties.DistributionConfig.CacheBehaviors.map((b) => b.PathPattern)).toEqual(['/api/*']);
  });

  it('private: the API is PRIVATE and denies every caller not coming through the named VPC endpoints; no CloudFront', () => {
    const { template } = synth({ mode: 'private', vpcEndpointIds: ['vpce-0123456789abcdef0'] });
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['PRIVATE'] } });
    const api = Object.values(template.findResources('AWS::ApiGateway::RestApi'))[0] as {
      Properties: { Policy: unknown };
    };
    const deny = statementsOf(api.Properties.Policy).find((s) => s.Effect === 'Deny')!;
    expect(deny.Condition).toEqual({ StringNotEquals: { 'aws:SourceVpce': ['vpce-0123456789abcdef0'] } });
    expect(Object.keys(template.findResources('AWS::CloudFront::Distribution'))).toEqual([]);
  });

  it('the API role only queries the assessment counters (figures and reports), and is told their table', () => {
    const { template } = synth({ mode: 'public' });
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: unknown; Roles: unknown[] };
    }[];
    const apiPolicy = policies.find((p) => JSON.stringify(p.Properties.Roles).includes('ApiFunctionRole'))!;
    const onAssessment = statementsOf(apiPolicy.Properties.PolicyDocument).filter((s) =>
      list(s.Resource).some((r) => render(r).startsWith(table('assessment'))),
    );
    // (CDK merges statements with the same actions: the table may share one with other Query grants.)
    expect(onAssessment.map((s) => list(s.Action))).toEqual([['dynamodb:Query']]);
    expect(
      onAssessment.flatMap((s) => list(s.Resource).map((r) => render(r))).filter((r) => r.includes('assessment')),
    ).toEqual([table('assessment')]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { ASSESSMENT_TABLE: `linkage-${STAGE}-assessment` } },
    });
  });

  it('the function verifies tokens of the configured issuer', () => {
    const { template } = synth({ mode: 'public' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: { OIDC_ISSUER: OIDC.issuer, OIDC_AUDIENCE: OIDC.audience, OIDC_JWKS_URI: OIDC.jwksUri },
      },
    });
  });
});
