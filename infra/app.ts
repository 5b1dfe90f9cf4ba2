// The CDK app: `npm run synth -- -c region=cn-north-1 -c stage=prod -c alarmEmail=ops@example.org`.
// Context: stage (default prod), region (default: the CLI's), alarmEmail (required for prod),
// runtime (nodejs24.x | nodejs22.x), architecture (arm64 | x86_64), registry (a registry file
// instead of config/institutions.json).
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

buildLinkage(app, {
  stage: context('stage') ?? 'prod',
  registry: registryFile ? readRegistryFile(registryFile) : loadRegistry(),
  region,
  ...optional('alarmEmail'),
  ...optional('runtime'),
  ...optional('architecture'),
});
// The same AWS Solutions checks as the test suite: a finding fails the synth.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
