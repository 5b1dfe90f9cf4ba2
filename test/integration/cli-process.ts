// Runs the `linkage` command as a user would, in a child process, pointed at a test service:
// through its .data-style endpoints file (embedded engines), or through the AWS settings
// (external mode). Never blocks this process, which runs the service.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeEndpointsFile } from '../../local/endpoints-file.ts';
import { EXTERNAL, type TestService } from './harness.ts';

const BIN = new URL('../../bin/linkage.js', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment a user's shell would have: none of the in-process service's AWS settings. */
export function cliEnvironment(test: TestService): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(AWS_|LINKAGE_|POWERTOOLS_|STAGE$|QUEUE_URL_BASE$|\w+_TABLE$)/.test(name) || EXTERNAL) env[name] = value;
  }
  if (EXTERNAL) {
    env.LINKAGE_TARGET = 'aws';
    env.LINKAGE_STAGE = test.service.endpoints.stage;
    env.LINKAGE_QUEUE_URL_BASE = test.service.endpoints.queueUrlBase;
  } else {
    const { endpoints } = test.service;
    writeEndpointsFile(test.dataDir!, { ...endpoints, pid: process.pid, startedAt: new Date().toISOString() });
    env.LINKAGE_DATA_DIR = test.dataDir!;
  }
  return env;
}

export function startCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return startCli(args, env).done;
}
