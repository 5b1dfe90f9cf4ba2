// The CDK app: `npx cdk synth` / `npx cdk deploy --all -c stage=prod`.
// Context: stage (default prod), region (default: the CLI's), alarmEmail (optional); the web
// console when consoleIssuer is given: consoleIssuer, consoleJwksUri, consoleClientId,
// consoleAudience (default the client id), consoleVpcEndpoints (comma-separated vpce ids: the
// private option; absent: public, with CloudFront). See docs/deploy.md, section 8.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildLinkage, loadRegistry } from './linkage-app.ts';

const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const region = context('region') ?? process.env.CDK_DEFAULT_REGION;
const alarmEmail = context('alarmEmail');
const consoleIssuer = context('consoleIssuer');
const vpcEndpoints = context('consoleVpcEndpoints')?.split(',').filter(Boolean);
const consoleSettings = consoleIssuer
  ? {
      oidc: {
        issuer: consoleIssuer,
        jwksUri: context('consoleJwksUri') ?? `${consoleIssuer}/protocol/openid-connect/certs`,
        clientId: context('consoleClientId') ?? 'linkage-console',
        audience: context('consoleAudience') ?? context('consoleClientId') ?? 'linkage-console',
      },
      network: vpcEndpoints?.length
        ? { mode: 'private' as const, vpcEndpointIds: vpcEndpoints }
        : { mode: 'public' as const },
      consoleDist: new URL('../console/dist', import.meta.url).pathname,
    }
  : undefined;

buildLinkage(app, {
  stage: context('stage') ?? 'prod',
  registry: loadRegistry(),
  ...(region ? { region } : {}),
  ...(alarmEmail ? { alarmEmail } : {}),
  ...(consoleSettings ? { console: consoleSettings } : {}),
});
// The same AWS Solutions checks as the test suite: a finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
