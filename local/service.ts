// The whole service on this machine: provisioning, the functions' environment and the
// event-source runner, started and stopped as one, on the embedded engines (`npm start`,
// the demo, the integration tests) or on any endpoint the AWS SDK is configured for
// (LocalStack, a real account: the integration tests' external mode).
import type { Registry } from '../shared/resources/registry.ts';
import { destroyClients, localClients, type LocalClients } from './clients.ts';
import { LOCAL_ACCOUNT_ID, startEngines, type EngineOptions, type EnginesOnThread } from './engines.ts';
import { endpointsOf, functionEnvironment, serviceVariables, type ServiceEndpoints } from './environment.ts';
import { provision, type Provisioned } from './provision.ts';
import { REGISTRY } from './registry.ts';
import { EventSourceRunner, type RunnerOptions } from './runner.ts';

export type RunnerSettings = Pick<
  RunnerOptions,
  | 'sweepIntervalMs'
  | 'waitTimeSeconds'
  | 'batchingWindowSeconds'
  | 'failedVisibilitySeconds'
  | 'onInvocation'
  | 'functions'
>;

export interface LocalServiceOptions extends EngineOptions {
  readonly registry?: Registry;
  /** Powertools log level of the functions (default WARN). */
  readonly logLevel?: string;
  /** Print the Powertools metrics as EMF lines, as deployed (default off). */
  readonly metrics?: boolean;
  readonly runner?: RunnerSettings;
}

export interface LocalService {
  readonly endpoints: ServiceEndpoints;
  /** Absent when running against an external endpoint. */
  readonly engines?: EnginesOnThread;
  readonly clients: LocalClients;
  readonly provisioned: Provisioned;
  readonly runner: EventSourceRunner;
  readonly registry: Registry;
  stop(): Promise<void>;
}

/** Embedded engines (on `dataDir`, or in memory), provisioned, with the runner going. */
export async function startLocalService(options: LocalServiceOptions = {}): Promise<LocalService> {
  const engines = await startEngines(options);
  const endpoints = endpointsOf(engines);
  const clients = localClients(endpoints);
  try {
    const env = functionEnvironment(endpoints, options.logLevel ?? 'WARN', options.metrics);
    return await runService({
      endpoints,
      clients,
      accountId: LOCAL_ACCOUNT_ID,
      env,
      registry: options.registry ?? REGISTRY,
      runner: options.runner ?? {},
      engines,
    });
  } catch (error) {
    destroyClients(clients);
    await engines.stop();
    throw error;
  }
}

/**
 * The service on endpoints the SDK's own configuration points at (AWS_ENDPOINT_URL*,
 * AWS_REGION, credentials): provisions `stage` and runs the functions here against it.
 */
export async function startServiceOnSdkTarget(options: {
  stage: string;
  clients: LocalClients;
  logLevel?: string;
  runner?: RunnerSettings;
  registry?: Registry;
}): Promise<LocalService> {
  const registry = options.registry ?? REGISTRY;
  const provisioned = await provision(options.clients, options.stage, registry);
  const sample = provisioned.queues[0]!;
  // arn:aws:sqs:<region>:<account>:<name>, and the URL is <base>/<name>.
  const [, , , region, accountId] = sample.arn.split(':') as [string, string, string, string, string];
  // With a custom endpoint (LocalStack, fauxqs), address queues through it: the host in the
  // URLs such emulators return may not resolve, and the SDK sends to the queue URL's host.
  const customEndpoint = process.env.AWS_ENDPOINT_URL_SQS ?? process.env.AWS_ENDPOINT_URL;
  const returnedBase = sample.url.slice(0, -(sample.definition.name.length + 1));
  const queueUrlBase = customEndpoint
    ? `${new URL(customEndpoint).origin}${new URL(returnedBase).pathname}`
    : returnedBase;
  const endpoints: ServiceEndpoints = {
    stage: options.stage,
    region,
    dynamodbEndpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? process.env.AWS_ENDPOINT_URL ?? 'AWS',
    sqsEndpoint: process.env.AWS_ENDPOINT_URL_SQS ?? process.env.AWS_ENDPOINT_URL ?? 'AWS',
    queueUrlBase,
  };
  const env = serviceVariables(endpoints, options.logLevel ?? 'WARN');
  return runService({
    endpoints,
    clients: options.clients,
    accountId,
    env,
    registry,
    runner: options.runner ?? {},
    provisioned,
  });
}

async function runService(setup: {
  endpoints: ServiceEndpoints;
  clients: LocalClients;
  accountId: string;
  env: Record<string, string>;
  registry: Registry;
  runner: RunnerSettings;
  engines?: EnginesOnThread;
  provisioned?: Provisioned;
}): Promise<LocalService> {
  const { endpoints, clients, registry, engines } = setup;
  const provisioned = setup.provisioned ?? (await provision(clients, endpoints.stage, registry));
  // The handler modules read their configuration when they load: set it first.
  Object.assign(process.env, setup.env);
  const runner = await EventSourceRunner.start({
    ...setup.runner,
    sqs: clients.sqs,
    stage: endpoints.stage,
    region: endpoints.region,
    accountId: setup.accountId,
    registry,
    queueUrlBase: endpoints.queueUrlBase,
  });
  return {
    endpoints,
    ...(engines ? { engines } : {}),
    clients,
    provisioned,
    runner,
    registry,
    async stop() {
      await runner.stop();
      destroyClients(clients);
      await engines?.stop();
    },
  };
}
