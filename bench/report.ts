// The benchmark's output: one row per figure, beside its limit or target, as a markdown
// table on stdout and as JSON in results/bench/ (committed; the README's table is made from it).
import { recordResult, type Provenance } from '../scripts/figures/record.ts';

export interface Row {
  readonly section: string;
  readonly figure: string;
  readonly value: string;
  /** What the figure is compared with, measured in the same run. */
  readonly beside: string;
  readonly ratio: string;
  readonly target: string;
  /** Whether the target is met; undefined when there is no target. */
  readonly met?: boolean;
}

export function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function markdownTable(rows: readonly Row[]): string {
  const header =
    '| section | figure | value | beside (same run) | ratio | target | met |\n|---|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    const met = r.met === undefined ? '' : r.met ? 'yes' : 'NO';
    return `| ${r.section} | ${r.figure} | ${r.value} | ${r.beside} | ${r.ratio} | ${r.target} | ${met} |`;
  });
  return [header, ...lines].join('\n');
}

/** Writes results/bench/<name>.json with the commit the run started on (scripts/figures). */
export function saveResults(name: string, started: Provenance, data: unknown): string {
  return recordResult(`bench/${name}`, started, data);
}
