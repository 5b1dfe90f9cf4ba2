// Module initialisation of a bundle: a fresh Node process (the project's Node 24) imports it
// with the environment Lambda would give the function. Figures per start:
//   processMs  spawn until the handler is imported: Node's own start-up plus the import,
//              the part of Lambda's Init Duration a bundle can influence;
//   importMs   the import alone (compiling and running the module's top level);
//   firstCallMs (when an event is given) the first invocation: the handler's lazy work (SDK
//              clients resolving their configuration, first connections) plus the event's own.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';

export interface InitSample {
  readonly processMs: number;
  readonly importMs: number;
  readonly firstCallMs?: number;
}

const CHILD = `
const started = performance.now();
const module = await import(process.env.BENCH_BUNDLE_URL);
const ended = performance.now();
if (typeof module.handler !== 'function') throw new Error('no handler export');
let firstCallMs;
if (process.env.BENCH_EVENT) {
  const context = JSON.parse(process.env.BENCH_CONTEXT);
  context.getRemainingTimeInMillis = () => 60000;
  const before = performance.now();
  const result = await module.handler(JSON.parse(process.env.BENCH_EVENT), context);
  firstCallMs = performance.now() - before;
  if (result && Array.isArray(result.batchItemFailures) && result.batchItemFailures.length > 0)
    throw new Error('the first invocation failed records: ' + JSON.stringify(result.batchItemFailures));
}
process.stdout.write('\\nBENCH_RESULT ' + JSON.stringify({ importMs: ended - started, readyAt: performance.timeOrigin + ended, firstCallMs }) + '\\n');
`;

/** A first event to invoke the handler with, and the Lambda context (as JSON) to pass. */
export interface FirstInvocation {
  readonly event: unknown;
  readonly context: Readonly<Record<string, unknown>>;
}

const run = promisify(execFile);

/** Asynchronous, so engines in this process can answer the child's first invocation. */
export async function timeInit(
  file: string,
  env: Readonly<Record<string, string>>,
  invocation?: FirstInvocation,
): Promise<InitSample> {
  const spawnedAt = performance.timeOrigin + performance.now();
  const child = await run(process.execPath, ['--input-type=module', '-e', CHILD], {
    env: {
      PATH: process.env.PATH ?? '',
      ...env,
      BENCH_BUNDLE_URL: pathToFileURL(file).href,
      ...(invocation
        ? { BENCH_EVENT: JSON.stringify(invocation.event), BENCH_CONTEXT: JSON.stringify(invocation.context) }
        : {}),
    },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: Error & { stderr?: string }) => {
    throw new Error(`importing ${file} failed: ${error.stderr || error.message}`);
  });
  // The handler's own log and metric lines share stdout; the figures are on a marked line.
  const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`no figures from ${file}: ${child.stdout.slice(-500)}`);
  const parsed = JSON.parse(line.slice('BENCH_RESULT '.length)) as {
    importMs: number;
    readyAt: number;
    firstCallMs?: number;
  };
  return {
    processMs: parsed.readyAt - spawnedAt,
    importMs: parsed.importMs,
    ...(parsed.firstCallMs === undefined ? {} : { firstCallMs: parsed.firstCallMs }),
  };
}
