// Results of the project's measuring commands (`npm run bench`, `npm run test:reliability`),
// kept as JSON in the committed results/ folder with the git commit they ran on, so every
// figure the docs show can be traced to a run of a known version of the code. The docs'
// figure blocks are generated from these files (scripts/figures/render.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = join(PROJECT_ROOT, 'results');

export interface Provenance {
  /** `git rev-parse HEAD` when the run started, or "unknown" outside a git checkout. */
  readonly commit: string;
  /** Files other than results/ differed from that commit: the code that ran was not exactly it. */
  readonly dirty: boolean;
  readonly recordedAt: string;
  /** The command that reproduces the run. */
  readonly command: string;
  readonly node: string;
  readonly cpus: string;
}

export interface ResultFile<T = unknown> {
  /** Path under results/ without `.json`, e.g. `bench/full`. */
  readonly name: string;
  readonly provenance: Provenance;
  readonly data: T;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** Where the code that runs now comes from; take it when a run starts. */
export function provenance(command: string): Provenance {
  const status = git(['status', '--porcelain', '--', '.', ':(exclude)results']);
  return {
    commit: git(['rev-parse', 'HEAD']) ?? 'unknown',
    dirty: status === undefined ? true : status.length > 0,
    recordedAt: new Date().toISOString(),
    command,
    node: process.version,
    cpus: `${availableParallelism()} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
  };
}

export function resultPath(name: string, dir = RESULTS_DIR): string {
  if (!/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/.test(name))
    throw new Error(`result name ${JSON.stringify(name)} must be lower-case words separated by - and /`);
  return join(dir, `${name}.json`);
}

/** Writes results/<name>.json and returns its path. */
export function recordResult<T>(name: string, started: Provenance, data: T, dir = RESULTS_DIR): string {
  const file = resultPath(name, dir);
  mkdirSync(dirname(file), { recursive: true });
  const result: ResultFile<T> = { name, provenance: { ...started, recordedAt: new Date().toISOString() }, data };
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** results/<name>.json, or undefined when no run has left it. */
export function readResult(name: string, dir = RESULTS_DIR): ResultFile | undefined {
  try {
    return JSON.parse(readFileSync(resultPath(name, dir), 'utf8')) as ResultFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
