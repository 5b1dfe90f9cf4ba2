// The knobs of a reliability run, from the environment (test/reliability/run.ts sets them
// from its flags; plain `vitest run --project reliability` gets the defaults):
//   RELIABILITY_SEED        seed of every random choice (default: drawn, and printed)
//   RELIABILITY_SCALE       multiplies every workload (default 1)
//   RELIABILITY_FAULT_RATE  share of the functions' SDK requests that meet throttling or a 5xx
//   RELIABILITY_KILL_RATE   share of invocations killed between a write and a send
//   RELIABILITY_RESULTS     folder where each test file leaves its figures for the summary
//   RELIABILITY_LOG_LEVEL   Powertools log level of the functions (default DEBUG: every line is scanned)
//   RELIABILITY_SOAK_SECONDS  how long the soak runs (soak.test.ts; 0, the default: the soak is skipped)
export interface ReliabilitySettings {
  readonly seed: number;
  readonly scale: number;
  readonly faultRate: number;
  readonly killRate: number;
  readonly resultsDir: string | undefined;
  readonly logLevel: string;
  readonly soakSeconds: number;
}

export const DEFAULT_FAULT_RATE = 0.02;
export const DEFAULT_KILL_RATE = 0.04;

function number(name: string, fallback: number, valid: (n: number) => boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !valid(value)) throw new Error(`${name}=${raw} is not valid`);
  return value;
}

let chosen: ReliabilitySettings | undefined;

export function reliabilitySettings(): ReliabilitySettings {
  if (chosen) return chosen;
  const given = process.env.RELIABILITY_SEED;
  const seed = number('RELIABILITY_SEED', Date.now() % 2 ** 31, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32);
  const rate = (n: number) => n >= 0 && n <= 0.5;
  chosen = {
    seed,
    scale: number('RELIABILITY_SCALE', 1, (n) => n > 0 && n <= 100),
    faultRate: number('RELIABILITY_FAULT_RATE', DEFAULT_FAULT_RATE, rate),
    killRate: number('RELIABILITY_KILL_RATE', DEFAULT_KILL_RATE, rate),
    resultsDir: process.env.RELIABILITY_RESULTS || undefined,
    logLevel: process.env.RELIABILITY_LOG_LEVEL || 'DEBUG',
    soakSeconds: number('RELIABILITY_SOAK_SECONDS', 0, (n) => n >= 0 && n <= 24 * 3600),
  };
  if (!given)
    console.log(`reliability: seed ${seed} (set RELIABILITY_SEED=${seed} or pass --seed ${seed} to reproduce)`);
  return chosen;
}

/** A workload size, multiplied by the scale, at least one. */
export function scaled(base: number): number {
  return Math.max(1, Math.round(base * reliabilitySettings().scale));
}
