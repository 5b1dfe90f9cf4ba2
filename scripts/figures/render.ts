// Figure blocks in the docs, generated from the results/ files. A block is
//   <!-- figures: RENDERER RESULT [key=value ...] -->
//   (generated text)
//   <!-- /figures -->
// RENDERER names a function of scripts/figures/blocks.ts, RESULT a file under results/
// (without .json), the key=value pairs are the renderer's options. Rendering replaces what
// is between the markers and formats the document as prettier would, so a generated document
// is byte for byte what `npm run figures` writes and what the figures test expects.
import prettier from 'prettier';
import { readResult, type ResultFile } from './record.ts';

export type Renderer = (result: ResultFile | undefined, options: Readonly<Record<string, string>>) => string;

const BLOCK = /(<!-- figures: ([^\n]*?) -->\n)([\s\S]*?)(<!-- \/figures -->)/g;

export interface BlockRef {
  readonly renderer: string;
  readonly result: string;
  readonly options: Readonly<Record<string, string>>;
}

export function parseBlockHeader(header: string): BlockRef {
  const [renderer, result, ...rest] = header.trim().split(/\s+/);
  if (!renderer || !result) throw new Error(`figure block "${header}" needs a renderer and a result name`);
  const options: Record<string, string> = {};
  for (const pair of rest) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`figure block "${header}": option ${pair} is not key=value`);
    options[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { renderer, result, options };
}

/** The blocks of a document, in order. */
export function blocksOf(text: string): BlockRef[] {
  return [...text.matchAll(BLOCK)].map((m) => parseBlockHeader(m[2]!));
}

/** The document with every figure block regenerated, formatted as prettier formats `filepath`. */
export async function renderDocument(
  text: string,
  filepath: string,
  renderers: Readonly<Record<string, Renderer>>,
  read: (name: string) => ResultFile | undefined = (name) => readResult(name),
): Promise<string> {
  const substituted = text.replace(BLOCK, (_all, open: string, header: string, _old: string, close: string) => {
    const block = parseBlockHeader(header);
    const render = renderers[block.renderer];
    if (!render)
      throw new Error(
        `figure block "${header}": no renderer ${block.renderer} (known: ${Object.keys(renderers).join(', ')})`,
      );
    return `${open}\n${render(read(block.result), block.options).trim()}\n\n${close}`;
  });
  const config = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(substituted, { ...config, filepath });
}
