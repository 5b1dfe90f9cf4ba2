// `npm run deploy -- -c region=cn-north-1 -c stage=prod -c alarmEmail=ops@example.org`:
// the checks CloudFormation cannot make, then `cdk deploy --all` with the same arguments.
//   1. no placeholder account id in the registry (config/institutions.json or -c registry=FILE);
//   2. the account's Lambda concurrency limit in the region covers what the event sources
//      may run at once (infra/concurrency.ts), read with lambda:GetAccountSettings;
//   3. no institution removed from the registry still has messages in its retained queues
//      (infra/retired-queues.ts): drain, then retire.
// `--check-only` stops after the checks. Credentials and region come from the usual AWS
// variables or profile; the region also from -c region=.
import { spawnSync } from 'node:child_process';
import { GetAccountSettingsCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { retiredQueuesHoldingMessages } from '../infra/retired-queues.ts';
import { concurrencyProblems } from '../infra/concurrency.ts';
import { loadConfiguredRegistry, readRegistryFile } from '../shared/resources/registry-file.ts';
import { placeholderAccounts } from '../shared/resources/registry.ts';

const args = process.argv.slice(2);
const checkOnly = args.includes('--check-only');
const cdkArgs = args.filter((arg) => arg !== '--check-only');
const context = new Map<string, string>();
cdkArgs.forEach((arg, index) => {
  const next = cdkArgs[index + 1];
  if ((arg === '-c' || arg === '--context') && next?.includes('=')) {
    const [key, ...value] = next.split('=');
    context.set(key!, value.join('='));
  }
});

const registryFile = context.get('registry');
const registry = registryFile ? readRegistryFile(registryFile) : loadConfiguredRegistry();
const problems: string[] = placeholderAccounts(registry).map(
  (p) => `placeholder account id ${p}: put the real account in the registry`,
);

const region = context.get('region') ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
if (!region) problems.push('no region: add -c region=cn-north-1 or set AWS_REGION');
else if (problems.length === 0) {
  const lambda = new LambdaClient({ region });
  const settings = await lambda.send(new GetAccountSettingsCommand({}));
  const limit = settings.AccountLimit?.ConcurrentExecutions ?? 0;
  process.stdout.write(`Lambda concurrency limit in ${region}: ${limit}\n`);
  problems.push(...concurrencyProblems(registry, limit, region));
  const stage = context.get('stage') ?? 'prod';
  problems.push(...(await retiredQueuesHoldingMessages(new SQSClient({ region }), stage, registry)));
}

if (problems.length > 0) {
  process.stderr.write(`Not deploying:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
if (checkOnly) process.exit(0);
const result = spawnSync('cdk', ['deploy', '--all', ...cdkArgs], { stdio: 'inherit' });
process.exit(result.status ?? 1);
