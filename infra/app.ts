// The CDK app: `npx cdk synth` / `npx cdk deploy --all -c stage=prod`.
// Context: stage (default prod), region (default: the CLI's), alarmEmail (optional).
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

buildLinkage(app, {
  stage: context('stage') ?? 'prod',
  registry: loadRegistry(),
  ...(region ? { region } : {}),
  ...(alarmEmail ? { alarmEmail } : {}),
});
// The same AWS Solutions checks as the test suite: a finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
