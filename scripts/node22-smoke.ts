// `npm run smoke:node22`: the deployed code on the fallback runtime. Bundles ingest-status
// and evaluate exactly as the CDK does for nodejs22.x (target node22), then runs each bundle
// in a Node 22 process (the `node` npm package, pinned below, installed once into
// .cache/node22) against the embedded engines: a status message in, a re-evaluation request
// out, that request evaluated. Exits 1 when a step fails or the process is not Node 22.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { bundle } from '../bench/cold-start/bundle.ts';
import { FUNCTION_BUNDLING } from '../infra/bundling.ts';
import { PROJECT_ROOT } from '../infra/constructs/linkage-function.ts';
import { destroyClients, localClients } from '../local/clients.ts';
import { LOCAL_ACCOUNT_ID, startEngines } from '../local/engines.ts';
import { endpointsOf, functionEnvironment } from '../local/environment.ts';
import { queueArnOf, sqsRecord } from '../local/lambda-event.ts';
import { provision } from '../local/provision.ts';
import { REGISTRY } from '../local/registry.ts';
import { evaluateQueue, inboundQueue } from '../shared/resources/queues.ts';
import { status } from '../generators/case.ts';
import { queueUrl } from '../shared/queues/queue-urls.ts';

export const NODE22_PACKAGE = 'node@22.23.3';
const toolDir = join(PROJECT_ROOT, '.cache', 'node22');
const node22 = join(toolDir, 'node_modules', 'node', 'bin', 'node');

if (!existsSync(node22)) {
  process.stdout.write(`installing ${NODE22_PACKAGE} into ${toolDir}\n`);
  const install = spawnSync(
    'npm',
    ['install', '--prefix', toolDir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', NODE22_PACKAGE],
    { stdio: 'inherit' },
  );
  if (install.status !== 0 || !existsSync(node22)) throw new Error(`could not install ${NODE22_PACKAGE}`);
}

// The child: import the bundle, invoke its handler once with the event file, print the result.
const CHILD = `
import { readFileSync } from 'node:fs';
const { handler } = await import(process.env.SMOKE_BUNDLE_URL);
const event = JSON.parse(readFileSync(process.env.SMOKE_EVENT_FILE, 'utf8'));
const deadline = Date.now() + 60_000;
const context = { functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, awsRequestId: 'smoke', functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:smoke', memoryLimitInMB: '512',
  logGroupName: 'smoke', logStreamName: 'smoke', callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => deadline - Date.now() };
const result = await handler(event, context);
process.stdout.write(JSON.stringify({ version: process.version, result }));
`;

const work = mkdtempSync(join(tmpdir(), 'linkage-node22-'));
const engines = await startEngines({});
const endpoints = endpointsOf(engines);
const clients = localClients(endpoints);
const failures: string[] = [];
try {
  await provision(clients, endpoints.stage, REGISTRY);
  const env = functionEnvironment(endpoints, 'WARN');
  const target = { bundling: FUNCTION_BUNDLING, runtime: Runtime.NODEJS_22_X, projectRoot: PROJECT_ROOT };

  const invoke = async (name: string, event: SQSEvent): Promise<SQSBatchResponse> => {
    const built = await bundle(target, `functions/${name}/handler.ts`, join(work, name));
    const eventFile = join(work, `${name}.event.json`);
    writeFileSync(eventFile, JSON.stringify(event));
    // Asynchronously: the engines answer from this process's event loop.
    const run = await promisify(execFile)(node22, ['--enable-source-maps', '--input-type=module', '-e', CHILD], {
      env: {
        PATH: process.env.PATH ?? '',
        ...env,
        AWS_LAMBDA_FUNCTION_NAME: `linkage-${endpoints.stage}-${name}`,
        SMOKE_BUNDLE_URL: pathToFileURL(built.file).href,
        SMOKE_EVENT_FILE: eventFile,
      },
      encoding: 'utf8',
      timeout: 60_000,
    }).catch((error: Error & { stderr?: string }) => {
      throw new Error(`${name} failed on Node 22: ${error.stderr || error.message}`);
    });
    const { version, result } = JSON.parse(run.stdout) as { version: string; result: SQSBatchResponse };
    if (!version.startsWith('v22.')) failures.push(`${name} ran on ${version}, not Node 22`);
    process.stdout.write(`${name}: ${(built.bytes / 1024).toFixed(0)} KB bundle (target node22), ran on ${version}\n`);
    return result;
  };

  const receive = async (queueName: string) => {
    const url = queueUrl(endpoints, queueName);
    const received = await clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 2,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    return (received.Messages ?? []).map((m) =>
      sqsRecord(m, queueArnOf(endpoints.region, LOCAL_ACCOUNT_ID, queueName), endpoints.region),
    );
  };

  const inbound = inboundQueue(endpoints.stage, 'FJ-LY-XL').name;
  await clients.sqs.send(
    new SendMessageCommand({ QueueUrl: queueUrl(endpoints, inbound), MessageBody: JSON.stringify(status()) }),
  );
  const statusRecords = await receive(inbound);
  const ingested = await invoke('ingest-status', { Records: statusRecords });
  if (statusRecords.length !== 1 || ingested.batchItemFailures.length > 0)
    failures.push(
      `ingest-status: ${statusRecords.length} record(s), failures ${JSON.stringify(ingested.batchItemFailures)}`,
    );

  const requests = await receive(evaluateQueue(endpoints.stage).name);
  if (requests.length !== 1) failures.push(`expected one re-evaluation request, got ${requests.length}`);
  const evaluated = await invoke('evaluate', { Records: requests });
  if (evaluated.batchItemFailures.length > 0)
    failures.push(`evaluate: failures ${JSON.stringify(evaluated.batchItemFailures)}`);
} finally {
  destroyClients(clients);
  await engines.stop();
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  process.stderr.write(`Node 22 smoke test failed:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('Node 22: ingest-status stored a status and asked for re-evaluation; evaluate ran it.\n');
