// `npm run test:reliability [-- --scale N] [--seed S] [--fault-rate R] [--kill-rate R]`:
// runs the reliability project of vitest (faults, hostile input, isolation, privacy) with one
// seed for every random choice, then prints one summary line of figures, last:
//   faults F (reached handlers H, absorbed by SDK retries A), messages M, redriven R, lost 0,
//   pipeline vs engine mismatches 0, fuzz inputs I, crashes 0, spoofs rejected S/S
// Exits non-zero when any test failed or any part left no figures. The run's figures go to
// results/reliability/scale-N.json (committed; the docs' figure blocks are made from it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { provenance, recordResult } from '../../scripts/figures/record.ts';
import { readFigures, summaryLine, totalOf } from './support/figures.ts';
import { DEFAULT_FAULT_RATE, DEFAULT_KILL_RATE } from './support/settings.ts';

/** Every test file leaves figures under these names; a missing one means a part did not finish. */
const PARTS = [
  'crash-then-close',
  'faults',
  'hostile-input',
  'isolation-spoofs',
  'isolation-templates',
  'privacy-data-folder',
  'sabotage-crashes',
  'sabotage-pipeline',
  'sabotage-spoofs',
  'sigkill',
];

const USAGE = `usage: npm run test:reliability [-- --scale N] [--seed S] [--fault-rate R] [--kill-rate R] [--soak DURATION]
  --scale N        multiply every workload by N (default 1; the README's figures use 10)
  --seed S         reproduce a run (default: a new seed, printed first)
  --fault-rate R   share of the functions' SDK requests meeting throttling or a 5xx (default ${DEFAULT_FAULT_RATE})
  --kill-rate R    share of invocations killed between a write and a send (default ${DEFAULT_KILL_RATE})
  --soak DURATION  only the soak: mixed traffic with faults for DURATION (e.g. 30m, 90s, 1h), then the checks
  --only FILES     only these test files, e.g. faults or faults,sigkill (test/reliability/<name>.test.ts)`;

/** `30m` → 1800 seconds. */
function durationSeconds(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(text);
  if (!match) throw new Error(`--soak ${text} must be a duration such as 90s, 30m or 1h`);
  const seconds = Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'];
  if (!(seconds >= 10 && seconds <= 24 * 3600)) throw new Error(`--soak ${text} must be from 10s to 24h`);
  return seconds;
}

interface Options {
  seed: number;
  scale: number;
  faultRate?: string;
  killRate?: string;
  soak?: string;
  only?: string[];
}

function options(): Options {
  try {
    const { values } = parseArgs({
      options: {
        scale: { type: 'string', default: '1' },
        seed: { type: 'string' },
        'fault-rate': { type: 'string' },
        'kill-rate': { type: 'string' },
        soak: { type: 'string' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const scale = Number(values.scale);
    const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
    if (!(scale > 0 && scale <= 100)) throw new Error(`--scale ${values.scale} must be a number above 0, at most 100`);
    if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
      throw new Error(`--seed ${values.seed} must be a whole number from 0 to 2^32 - 1`);
    if (values.soak !== undefined) durationSeconds(values.soak);
    const only = values.only?.split(',');
    for (const file of only ?? [])
      if (!existsSync(testFile(file))) throw new Error(`--only ${file}: there is no test/reliability/${file}.test.ts`);
    return {
      seed,
      scale,
      faultRate: values['fault-rate'],
      killRate: values['kill-rate'],
      soak: values.soak,
      ...(only ? { only } : {}),
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

function testFile(name: string): string {
  return fileURLToPath(new URL(`./${name}.test.ts`, import.meta.url));
}

const { seed, scale, faultRate, killRate, soak, only } = options();
/** The parts a file leaves figures under start with its name (isolation: isolation-spoofs, …). */
const parts = soak ? ['soak'] : only ? PARTS.filter((p) => only.some((file) => p.startsWith(file))) : PARTS;
const resultsDir = mkdtempSync(join(tmpdir(), 'linkage-reliability-results-'));
const reproduce = `npm run test:reliability -- --seed ${seed} --scale ${scale}${faultRate ? ` --fault-rate ${faultRate}` : ''}${killRate ? ` --kill-rate ${killRate}` : ''}${soak ? ` --soak ${soak}` : ''}${only ? ` --only ${only.join(',')}` : ''}`;
process.stdout.write(`reliability: seed ${seed}, scale ${scale} (to reproduce: ${reproduce})\n`);
const startedOn = provenance(reproduce);

const started = Date.now();
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const files = soak ? [testFile('soak')] : (only ?? []).map(testFile);
const run = spawnSync(process.execPath, [vitest, 'run', '--project', 'reliability', ...files], {
  stdio: 'inherit',
  env: {
    ...process.env,
    RELIABILITY_SEED: String(seed),
    RELIABILITY_SCALE: String(scale),
    RELIABILITY_RESULTS: resultsDir,
    ...(faultRate ? { RELIABILITY_FAULT_RATE: faultRate } : {}),
    ...(killRate ? { RELIABILITY_KILL_RATE: killRate } : {}),
    ...(soak ? { RELIABILITY_SOAK_SECONDS: String(durationSeconds(soak)) } : {}),
  },
});

const recorded = readFigures(resultsDir);
rmSync(resultsDir, { recursive: true, force: true });
const missing = parts.filter((part) => !recorded.some((p) => p.part === part));
const total = totalOf(recorded);
const passed = run.status === 0 && missing.length === 0;
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
process.stdout.write(
  `\nreliability: seed ${seed}, scale ${scale}, ${minutes} min, ${passed ? 'passed' : 'FAILED'}${missing.length > 0 ? `; no figures from: ${missing.join(', ')}` : ''}\n`,
);
const summary = summaryLine(total);
const name = soak
  ? `reliability/soak-${soak}`
  : `reliability/scale-${scale}${faultRate || killRate ? '-custom' : ''}${only ? `-only-${only.join('-')}` : ''}`;
const file = recordResult(name, startedOn, {
  seed,
  scale,
  passed,
  minutes: Number(minutes),
  summary,
  total,
  parts: recorded.map(({ part, details, seconds }) => ({ part, details, seconds })),
});
process.stdout.write(`results: ${file}\n${summary}\n`);
process.exit(passed ? 0 : 1);
