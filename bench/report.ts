// The benchmark's output: one row per figure, beside its limit or target, as a markdown
// table on stdout and as JSON in bench/results/.
import { mkdir, writeFile } from 'node:fs/promises';

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

export async function saveResults(name: string, data: unknown): Promise<string> {
  const folder = new URL('./results/', import.meta.url);
  await mkdir(folder, { recursive: true });
  const file = new URL(`${name}.json`, folder);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return file.pathname;
}
