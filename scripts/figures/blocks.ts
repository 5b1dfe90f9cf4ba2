// The renderers figure blocks can name (scripts/figures/render.ts). Each turns one results/
// file into markdown; a missing file renders as the command that would produce it.
//   bench-table          the bench's rows (every section, or sections=a,b), as `npm run bench` prints them
//   reliability-summary  the summary line of a reliability run, with its command and commit
//   reliability-parts    one row per part of a reliability run: its detail lines
import { markdownTable, type Row } from '../../bench/report.ts';
import type { ResultFile } from './record.ts';
import type { Renderer } from './render.ts';

function provenanceLine(result: ResultFile): string {
  const p = result.provenance;
  const commit =
    p.commit === 'unknown'
      ? 'an unknown commit'
      : `commit ${p.commit.slice(0, 12)}${p.dirty ? ' with local changes' : ''}`;
  return `\`${p.command}\` on ${commit}, ${p.recordedAt.slice(0, 10)}, Node ${p.node}, ${p.cpus} (\`results/${result.name}.json\`)`;
}

function missing(name: string, command: string): string {
  return `_No results yet: \`${command}\` writes \`results/${name}.json\`, then \`npm run figures\`._`;
}

interface BenchData {
  readonly rows: readonly Row[];
  readonly seconds?: number;
}

const benchTable: Renderer = (result, options) => {
  if (!result) return missing('bench/full', 'npm run bench');
  const data = result.data as BenchData;
  const sections = options.sections?.split(',');
  const rows = sections ? data.rows.filter((r) => sections.includes(r.section)) : data.rows;
  if (rows.length === 0) throw new Error(`results/${result.name}.json has no rows of ${options.sections}`);
  return `${provenanceLine(result)}${data.seconds ? `, ${data.seconds.toFixed(0)} s` : ''}:\n\n${markdownTable(rows)}`;
};

export interface ReliabilityData {
  readonly seed: number;
  readonly scale: number;
  readonly passed: boolean;
  readonly minutes: number;
  readonly summary: string;
  readonly parts: readonly { readonly part: string; readonly details: readonly string[]; readonly seconds: number }[];
  readonly extra?: readonly string[];
}

const reliabilitySummary: Renderer = (result) => {
  if (!result) return missing('reliability/…', 'npm run test:reliability');
  const data = result.data as ReliabilityData;
  return [
    `${provenanceLine(result)}: seed ${data.seed}, scale ${data.scale}, ${data.minutes.toFixed(1)} minutes, ${data.passed ? 'passed' : 'FAILED'}.`,
    '',
    '```',
    data.summary,
    ...(data.extra ?? []),
    '```',
  ].join('\n');
};

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

const reliabilityParts: Renderer = (result) => {
  if (!result) return missing('reliability/…', 'npm run test:reliability');
  const data = result.data as ReliabilityData;
  const rows = data.parts.map((p) => `| ${p.part} | ${cell(p.details.join('; '))} |`);
  return ['| part | what happened |', '| --- | --- |', ...rows].join('\n');
};

/** The documents that hold figure blocks, from the project root. */
export const FIGURE_DOCUMENTS = ['README.md', 'docs/reliability.md', 'docs/capacity.md'];

export const RENDERERS: Readonly<Record<string, Renderer>> = {
  'bench-table': benchTable,
  'reliability-summary': reliabilitySummary,
  'reliability-parts': reliabilityParts,
};
