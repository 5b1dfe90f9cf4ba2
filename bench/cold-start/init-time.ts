// Module initialisation of a bundle: a fresh Node process (the project's Node 24) imports it
// with the environment Lambda would give the function. Two figures per start:
//   processMs  spawn until the handler is imported: Node's own start-up plus the import,
//              the part of Lambda's Init Duration a bundle can influence;
//   importMs   the import alone (compiling and running the module's top level).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface InitSample {
  readonly processMs: number;
  readonly importMs: number;
}

const CHILD = `
const started = performance.now();
const module = await import(process.env.BENCH_BUNDLE_URL);
const ended = performance.now();
if (typeof module.handler !== 'function') throw new Error('no handler export');
process.stdout.write(JSON.stringify({ importMs: ended - started, readyAt: performance.timeOrigin + ended }));
`;

export function timeInit(file: string, env: Readonly<Record<string, string>>): InitSample {
  const spawnedAt = performance.timeOrigin + performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], {
    env: { PATH: process.env.PATH ?? '', ...env, BENCH_BUNDLE_URL: pathToFileURL(file).href },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.status !== 0) throw new Error(`importing ${file} failed: ${run.stderr || run.error?.message}`);
  const { importMs, readyAt } = JSON.parse(run.stdout) as { importMs: number; readyAt: number };
  return { processMs: readyAt - spawnedAt, importMs };
}
