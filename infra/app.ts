// The CDK app: `npm run synth -- -c region=cn-north-1 -c stage=prod -c alarmEmail=ops@example.org`.
// Context: stage (default prod), region (default: the CLI's), alarmEmail (required for prod),
// runtime (nodejs24.x | nodejs22.x), architecture (arm64 | x86_64), registry (a registry file
// instead of config/institutions.json); the web console when consoleIssuer is given:
// consoleIssuer, consoleJwksUri, consoleClientId, consoleAudience (default the client id),
// consoleVpcEndpoints (comma-separated vpce ids: the private option; absent: public, with
// CloudFront). See docs/deploy.md.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readRegistryFile } from '../shared/resources/registry-file.ts';
import { buildLinkage, loadRegistry } from './linkage-app.ts';

const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const region = context('region') ?? process.env.CDK_DEFAULT_REGION;
if (!region) throw new Error('no region: add -c region=cn-north-1 (or configure the AWS CLI profile)');
const registryFile = context('registry');
const optional = (key: 'alarmEmail' | 'runtime' | 'architecture') => {
  const value = context(key);
  return value ? { [key]: value } : {};
};

const consoleIssuer = context('consoleIssuer');
const vpcEndpoints = context('consoleVpcEndpoints')?.split(',').filter(Boolean);
const consoleSettings = consoleIssuer
  ? {
      oidc: {
        issuer: consoleIssuer,
        jwksUri: context('consoleJwksUri') ?? `${consoleIssuer}/protocol/openid-connect/certs`,
        clientId: context('consoleClientId') ?? 'linkage-console',
        audience: context('consoleAudience') ?? context('consoleClientId') ?? 'linkage-console',
        ...(context('consoleScope') ? { scope: context('consoleScope') } : {}),
      },
      network: vpcEndpoints?.length
        ? { mode: 'private' as const, vpcEndpointIds: vpcEndpoints }
        : { mode: 'public' as const },
      consoleDist: new URL('../console/dist', import.meta.url).pathname,
    }
  : undefined;

buildLinkage(app, {
  stage: context('stage') ?? 'prod',
  registry: registryFile ? readRegistryFile(registryFile) : loadRegistry(),
  region,
  ...optional('alarmEmail'),
  ...optional('runtime'),
  ...optional('architecture'),
  ...(consoleSettings ? { console: consoleSettings } : {}),
});
// The same AWS Solutions checks as the test suite: a finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
