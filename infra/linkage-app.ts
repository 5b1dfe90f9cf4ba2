// Builds the stacks of one deployment stage from the institutions registry. Used by the CDK
// app (infra/app.ts) and by the infra tests, so both synthesize the same thing.
import { Annotations, type App, type Environment } from 'aws-cdk-lib';
import { loadConfiguredRegistry } from '../shared/resources/registry-file.ts';
import { parseRegistry, placeholderAccounts, type Registry } from '../shared/resources/registry.ts';
import { regionSettings, type RegionSettings, type SettingOverrides } from './deployment-settings.ts';
import { assertStage } from './naming.ts';
import { institutionGroups } from './institution-groups.ts';
import { InstitutionsStack } from './stacks/institutions-stack.ts';
import { alarmTopicName, StatefulStack } from './stacks/stateful-stack.ts';
import { StatelessStack } from './stacks/stateless-stack.ts';
import { ConsoleStack, type ConsoleNetwork, type OidcSettings } from './stacks/console-stack.ts';

/** The registry of this process (config/institutions.json or LINKAGE_REGISTRY_FILE), or `json` checked. */
export function loadRegistry(json?: unknown): Registry {
  return json === undefined ? loadConfiguredRegistry() : parseRegistry(json);
}

/** Stages whose alarms must reach someone. */
export const PRODUCTION_STAGES = ['prod'] as const;

export interface LinkageOptions extends SettingOverrides {
  readonly stage: string;
  readonly registry: Registry;
  readonly region: string;
  /** Required for production stages: the alarm topic's subscriber. */
  readonly alarmEmail?: string;
  /** The web console (infra/stacks/console-stack.ts); absent: no console is deployed. */
  readonly console?: { readonly oidc: OidcSettings; readonly network: ConsoleNetwork; readonly consoleDist?: string };
}

export interface LinkageStacks {
  readonly settings: RegionSettings;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  /** By group (`FJ-3`). */
  readonly institutions: ReadonlyMap<string, InstitutionsStack>;
  readonly console?: ConsoleStack;
}

export function stackNames(stage: string): {
  stateful: string;
  stateless: string;
  institutions: (group: string) => string;
} {
  return {
    stateful: `Linkage-${stage}-Stateful`,
    stateless: `Linkage-${stage}-Stateless`,
    institutions: (group) => `Linkage-${stage}-Institutions-${group}`,
  };
}

export function buildLinkage(app: App, options: LinkageOptions): LinkageStacks {
  const stage = assertStage(options.stage);
  const { registry } = options;
  const settings = regionSettings(options.region, options);
  if ((PRODUCTION_STAGES as readonly string[]).includes(stage) && !options.alarmEmail) {
    throw new Error(
      `stage ${stage} needs an alarm target: add -c alarmEmail=<operators' address> (alarms would reach nobody)`,
    );
  }
  // Pinned to the registry's service account: deploying with other credentials fails early.
  const env: Environment = { account: registry.service.accountId, region: settings.region };
  const names = stackNames(stage);
  const tags = { project: 'linkage', stage };

  const stateful = new StatefulStack(app, names.stateful, {
    env,
    tags,
    stage,
    settings,
    description: `Property-penalty linkage (${stage}): shared keys, tables, evaluate queue, alarm topic`,
    terminationProtection: true,
    ...(options.alarmEmail ? { alarmEmail: options.alarmEmail } : {}),
  });
  const stateless = new StatelessStack(app, names.stateless, {
    env,
    tags,
    stage,
    settings,
    description: `Property-penalty linkage (${stage}): functions, schedule and alarms`,
    dataKey: stateful.dataKey,
    logKey: stateful.logKey,
    alarmTopic: stateful.alarmTopic,
  });
  // Tables and queues are addressed by name, not by reference: make the order explicit.
  stateless.addStackDependency(stateful, 'functions use the tables, queues and keys of the stateful stack');

  const institutions = new Map<string, InstitutionsStack>();
  for (const [group, members] of institutionGroups(registry)) {
    const stack = new InstitutionsStack(app, names.institutions(group), {
      env,
      tags: { ...tags, group },
      stage,
      group,
      institutions: members,
      settings,
      alarmTopicName: alarmTopicName(stage),
      description: `Property-penalty linkage (${stage}): queues of institution group ${group}`,
      terminationProtection: true,
    });
    // The inbound queues' event source mappings name the ingest functions.
    stack.addStackDependency(stateless, 'event source mappings name the ingest functions');
    institutions.set(group, stack);
  }
  // `npm run deploy` refuses these (scripts/predeploy.ts); a plain synth only warns.
  const placeholders = placeholderAccounts(registry);
  if (placeholders.length > 0) {
    const shown = placeholders.slice(0, 3).join(', ');
    const more = placeholders.length > 3 ? ` and ${placeholders.length - 3} more` : '';
    Annotations.of(stateful).addWarningV2(
      'linkage:placeholder-account',
      `${placeholders.length} placeholder account id(s) in the registry (${shown}${more}); npm run deploy refuses them`,
    );
  }
  if (!options.console) return { settings, stateful, stateless, institutions };
  const consoleStack = new ConsoleStack(app, `Linkage-${stage}-Console`, {
    env,
    tags,
    stage,
    settings,
    description: `Property-penalty linkage (${stage}): web console API and pages`,
    dataKey: stateful.dataKey,
    logKey: stateful.logKey,
    ...options.console,
  });
  consoleStack.addStackDependency(stateful, 'the console reads the tables of the stateful stack');
  consoleStack.addStackDependency(stateless, "the operators' page assumes the redrive role of the stateless stack");
  return { settings, stateful, stateless, institutions, console: consoleStack };
}
