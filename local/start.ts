// `npm start`: the whole service on this machine, state in the project's .data folder,
// until Ctrl-C. Settings (all optional): LINKAGE_DATA_DIR, LINKAGE_DYNAMODB_PORT,
// LINKAGE_SQS_PORT, LINKAGE_SWEEP_SECONDS (default 60), LINKAGE_BATCHING_WINDOW_SECONDS
// (default: the deployed inbound window, EVENT_SOURCES.inbound), LINKAGE_LOG_LEVEL (default WARN),
// LINKAGE_CONSOLE_PORT (the web console's port; default: any free one, printed and written to
// endpoints.json as consoleUrl).
import { projectDataDir, readEndpointsFile, removeEndpointsFile, writeEndpointsFile } from './endpoints-file.ts';
import { describeRegistry, formatInvocation } from './console.ts';
import { EVENT_SOURCES } from '../shared/resources/event-sources.ts';
import { startLocalService } from './service.ts';
import { ensureConsoleBuilt, startConsoleServer } from './console-server.ts';

const dataDir = projectDataDir();
const running = readEndpointsFile(dataDir);
if (running) {
  process.stderr.write(`The local service already runs on ${dataDir} (pid ${running.pid}). Stop it first.\n`);
  process.exit(1);
}

const port = (name: string) => {
  const value = process.env[name];
  if (value === undefined || value === '') return 0;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
    throw new Error(`${name} must be a port number, not ${value}`);
  return parsed;
};
const seconds = (name: string, fallback: number, min: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!(value >= min)) throw new Error(`${name} must be a number of seconds, at least ${min}`);
  return value;
};
const sweepSeconds = seconds('LINKAGE_SWEEP_SECONDS', 60, 1);
const batchingWindowSeconds =
  process.env.LINKAGE_BATCHING_WINDOW_SECONDS === undefined
    ? undefined
    : seconds('LINKAGE_BATCHING_WINDOW_SECONDS', EVENT_SOURCES.inbound.batchingWindowSeconds, 0);

const service = await startLocalService({
  dataDir,
  dynamodbPort: port('LINKAGE_DYNAMODB_PORT'),
  sqsPort: port('LINKAGE_SQS_PORT'),
  logLevel: process.env.LINKAGE_LOG_LEVEL ?? 'WARN',
  runner: {
    sweepIntervalMs: sweepSeconds * 1000,
    ...(batchingWindowSeconds === undefined ? {} : { batchingWindowSeconds }),
    onInvocation: (invocation) => {
      // Idle sweeps every minute would drown the rest.
      if (invocation.records > 0 || invocation.error) process.stdout.write(`${formatInvocation(invocation)}\n`);
    },
  },
});
const { endpoints } = service;
ensureConsoleBuilt((line) => process.stdout.write(`${line}\n`));
const consoleServer = await startConsoleServer({
  dataDir,
  stage: endpoints.stage,
  dynamodb: service.clients.dynamodb,
  queues: { sqs: service.clients.sqs, queueUrlBase: service.endpoints.queueUrlBase },
  registry: service.registry,
  port: port('LINKAGE_CONSOLE_PORT'),
});
writeEndpointsFile(dataDir, {
  ...endpoints,
  pid: process.pid,
  startedAt: new Date().toISOString(),
  consoleUrl: consoleServer.url,
});

process.stdout.write(
  [
    'Property-penalty linkage: local service running.',
    '',
    '  NOT SECURE: no IAM here. Any local process can write to any queue, as any institution,',
    '  and read every queue and table. Development and generated data only (docs/local.md).',
    '',
    `  data folder     ${dataDir}`,
    `  stage           ${endpoints.stage} (region ${endpoints.region})`,
    `  DynamoDB API    ${endpoints.dynamodbEndpoint}   (dynalite)`,
    `  SQS API         ${endpoints.sqsEndpoint}   (fauxqs)`,
    `  queue URLs      ${endpoints.queueUrlBase}/<queue name>`,
    `  web console     ${consoleServer.url}/   (sign in as a user made with \`npx linkage users add\`)`,
    `  sweeper         every ${sweepSeconds} s; inbound batching window ${batchingWindowSeconds ?? EVENT_SOURCES.inbound.batchingWindowSeconds} s`,
    '',
    service.registry.institutions.length > 40
      ? `Institutions: ${service.registry.institutions.length} from ${process.env.LINKAGE_REGISTRY_FILE ?? 'config/institutions.json'} (queue names: linkage-${endpoints.stage}-in-<ID>, linkage-${endpoints.stage}-out-<ID>)`
      : describeRegistry(service.registry, endpoints.stage),
    '',
    'From another terminal in this folder (no configuration needed while this runs):',
    '  npx linkage send message.json              send contract messages as their sender',
    '  npx linkage inbox --as FJ-LY-ZY --follow   read what an institution was sent',
    '  npx linkage import statuses FILE.csv --as FJ-LY-XL',
    '  npx linkage show APPLICATION_ID',
    '',
    'Ctrl-C stops; the state stays in the data folder for the next start.',
    '',
  ].join('\n'),
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    process.stderr.write('Stopping at once.\n');
    process.exit(130);
  }
  stopping = true;
  process.stdout.write(`\n${signal}: finishing the batches in hand, then stopping (Ctrl-C again to force).\n`);
  await consoleServer.stop();
  await service.stop();
  removeEndpointsFile(dataDir, process.pid);
  process.stdout.write('Stopped. State kept in the data folder.\n');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
