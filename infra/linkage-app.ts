// Builds the two stacks of one deployment stage from the institutions registry. Used by
// the CDK app (infra/app.ts) and by the infra tests, so both synthesize the same thing.
import type { App, Environment } from 'aws-cdk-lib';
import registryJson from '../config/institutions.json' with { type: 'json' };
import { registrySchema, type Registry } from '../shared/resources/registry.ts';
import { assertStage } from './naming.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { StatelessStack } from './stacks/stateless-stack.ts';
import { ConsoleStack, type ConsoleNetwork, type OidcSettings } from './stacks/console-stack.ts';

export function loadRegistry(json: unknown = registryJson): Registry {
  return registrySchema.parse(json);
}

export interface LinkageOptions {
  readonly stage: string;
  readonly registry: Registry;
  readonly region?: string;
  readonly alarmEmail?: string;
  /** The web console (infra/stacks/console-stack.ts); absent: no console is deployed. */
  readonly console?: { readonly oidc: OidcSettings; readonly network: ConsoleNetwork; readonly consoleDist?: string };
}

export interface LinkageStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly console?: ConsoleStack;
}

export function stackNames(stage: string): { stateful: string; stateless: string } {
  return { stateful: `Linkage-${stage}-Stateful`, stateless: `Linkage-${stage}-Stateless` };
}

export function buildLinkage(app: App, options: LinkageOptions): LinkageStacks {
  const stage = assertStage(options.stage);
  const { registry } = options;
  // Pinned to the registry's service account: deploying with other credentials fails early.
  const env: Environment = {
    account: registry.service.accountId,
    ...(options.region ? { region: options.region } : {}),
  };
  const names = stackNames(stage);
  const tags = { project: 'linkage', stage };

  const stateful = new StatefulStack(app, names.stateful, {
    env,
    tags,
    stage,
    registry,
    description: `Property-penalty linkage (${stage}): keys, tables and queues`,
    terminationProtection: true,
    ...(options.alarmEmail ? { alarmEmail: options.alarmEmail } : {}),
  });
  const stateless = new StatelessStack(app, names.stateless, {
    env,
    tags,
    stage,
    registry,
    description: `Property-penalty linkage (${stage}): functions, schedule and alarms`,
    dataKey: stateful.dataKey,
    institutionKeys: new Map([...stateful.institutions].map(([id, queues]) => [id, queues.key])),
    alarmTopic: stateful.alarmTopic,
  });
  // Tables and queues are addressed by name, not by reference: make the order explicit.
  stateless.addStackDependency(stateful, 'functions use the tables, queues and keys of the stateful stack');
  if (!options.console) return { stateful, stateless };
  const consoleStack = new ConsoleStack(app, `Linkage-${stage}-Console`, {
    env,
    tags,
    stage,
    description: `Property-penalty linkage (${stage}): web console API and pages`,
    dataKey: stateful.dataKey,
    ...options.console,
  });
  consoleStack.addStackDependency(stateful, 'the console reads the tables of the stateful stack');
  return { stateful, stateless, console: consoleStack };
}
