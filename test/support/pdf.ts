// What a PDF holds, read with pdf.js (the legacy build runs in Node): pages, text, images.
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfSummary {
  readonly pages: number;
  readonly text: string;
  /** Images painted, over all pages. */
  readonly images: number;
}

export async function readPdf(file: string): Promise<PdfSummary> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false }).promise;
  let text = '';
  let images = 0;
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
    const ops = await page.getOperatorList();
    images += ops.fnArray.filter((fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject).length;
  }
  const pages = doc.numPages;
  await doc.cleanup();
  return { pages, text, images };
}
