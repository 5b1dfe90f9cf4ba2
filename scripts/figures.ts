// `npm run figures [-- --check]`: regenerates the figure blocks of the docs from the results/
// files (scripts/figures/). With --check, changes nothing and exits 1 when a document is not
// what its results make it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURE_DOCUMENTS, RENDERERS } from './figures/blocks.ts';
import { PROJECT_ROOT } from './figures/record.ts';
import { renderDocument } from './figures/render.ts';

const check = process.argv.includes('--check');
let stale = 0;
for (const relative of FIGURE_DOCUMENTS) {
  const file = join(PROJECT_ROOT, relative);
  const text = readFileSync(file, 'utf8');
  const rendered = await renderDocument(text, file, RENDERERS);
  if (rendered === text) continue;
  stale += 1;
  if (check) process.stderr.write(`${relative}: figures differ from results/ (run \`npm run figures\`)\n`);
  else {
    writeFileSync(file, rendered);
    process.stdout.write(`${relative}: figures regenerated\n`);
  }
}
if (check && stale > 0) process.exit(1);
