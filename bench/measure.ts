// Measuring on a shared, noisy machine: run the contenders in alternating rounds and keep
// each one's median, so a burst of load hits both sides of a ratio alike.

export interface Rate {
  /** Operations per second, median over rounds. */
  readonly perSecond: number;
  readonly rounds: readonly number[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs each contender `rounds` times, interleaved; returns operations per second per contender. */
export function interleaved(contenders: Record<string, () => number>, rounds: number): Record<string, Rate> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, run] of Object.entries(contenders)) {
      const started = process.hrtime.bigint();
      const operations = run();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      samples[name]!.push(operations / seconds);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [name, { perSecond: median(values), rounds: values }]),
  );
}
