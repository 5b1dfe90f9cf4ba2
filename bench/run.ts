// `npm run bench [-- --quick]`: every speed and size figure beside the limit it is judged
// against, measured side by side in one run. Prints a markdown table; writes JSON results.
import { Command } from 'commander';
import { REASON_CODES } from '../shared/contract/reason-codes.ts';
import { benchEngine } from './engine.ts';
import { fmt, markdownTable, saveResults, type Row } from './report.ts';

const options = new Command('bench')
  .description('measure the engine (and, with the local engines, the pipeline) beside their limits')
  .option('--quick', 'CI smoke run: small corpus, one minute or less')
  .option('--seed <n>', 'corpus seed', (v) => Number.parseInt(v, 10), 20241101)
  .parse(process.argv)
  .opts<{ quick?: boolean; seed: number }>();

const quick = options.quick === true;
const rows: Row[] = [];
const results: Record<string, unknown> = {
  quick,
  seed: options.seed,
  node: process.version,
  startedAt: new Date().toISOString(),
};

console.error(`engine: generating ${quick ? '10,000' : '100,000'} cases (seed ${options.seed}) ...`);
const engine = benchEngine(quick ? 10_000 : 100_000, options.seed, quick ? 3 : 5);
results.engine = engine;
rows.push(
  {
    section: 'engine',
    figure: 'evaluations per second (one core)',
    value: fmt(engine.evaluationsPerSecond),
    beside: `${fmt(engine.validationsPerSecond)} cases parsed and validated per second`,
    ratio: `${fmt(engine.ratio, 2)} × validation`,
    target: '≥ 50,000/s and ≥ 1 × validation',
    met: engine.evaluationsPerSecond >= 50_000 && engine.ratio >= 1,
  },
  {
    section: 'engine',
    figure: 'corpus',
    value: `${fmt(engine.cases)} cases, ${fmt(engine.messages)} messages`,
    beside: Object.entries(engine.decisions)
      .map(([d, n]) => `${d} ${fmt(n)}`)
      .join(', '),
    ratio: `${engine.reasonCodes} of ${REASON_CODES.length} reason codes`,
    target: '≥ 100,000 cases, all outcomes',
  },
);

const file = await saveResults(quick ? 'quick' : 'full', { ...results, rows });
console.log(markdownTable(rows));
console.log(`\nresults: ${file}`);
