// The docs' figures are what the results/ files say: every figure block of every document
// renders to exactly the text that is there (`npm run figures` regenerates them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_DOCUMENTS, RENDERERS } from '../../../scripts/figures/blocks.ts';
import { PROJECT_ROOT, readResult, type ResultFile } from '../../../scripts/figures/record.ts';
import { blocksOf, renderDocument } from '../../../scripts/figures/render.ts';

const documents = FIGURE_DOCUMENTS.map((relative) => {
  const file = join(PROJECT_ROOT, relative);
  return { relative, file, text: readFileSync(file, 'utf8') };
});

describe('figures in the docs', () => {
  it.each(documents.map((d) => [d.relative, d] as const))(
    '%s shows what its results files hold (run `npm run figures` after a run)',
    async (_relative, { file, text }) => {
      expect(blocksOf(text).length, 'the document has figure blocks').toBeGreaterThan(0);
      for (const block of blocksOf(text))
        expect(readResult(block.result), `results/${block.result}.json exists`).toBeDefined();
      expect(await renderDocument(text, file, RENDERERS)).toBe(text);
    },
  );

  it('notices a results file that changed after the docs were generated', async () => {
    const { file, text } = documents.find((d) => d.relative === 'README.md')!;
    const altered = (name: string): ResultFile | undefined => {
      const result = readResult(name);
      if (!result) return undefined;
      const json = JSON.stringify(result).replace(/"commit":"[0-9a-f]{12}/, '"commit":"000000000000');
      return JSON.parse(json) as ResultFile;
    };
    expect(await renderDocument(text, file, RENDERERS, altered)).not.toBe(text);
  });

  it('names an unknown renderer and a malformed option', async () => {
    await expect(renderDocument('<!-- figures: nope x -->\n<!-- /figures -->\n', 'a.md', RENDERERS)).rejects.toThrow(
      /no renderer nope/,
    );
    await expect(
      renderDocument('<!-- figures: bench-table bench/full sections -->\n<!-- /figures -->\n', 'a.md', RENDERERS),
    ).rejects.toThrow(/option sections is not key=value/);
  });
});
