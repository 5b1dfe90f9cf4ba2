// Build step: tells public/boot.js which files the case list page needs beyond the entry's, so
// a signed-in visit to the list fetches them at once, beside the entry's files, instead of after
// the entry has downloaded and run (when the application's own import() would ask for them).
// The list is the first page of judges, prison staff and procurators.
import type { Plugin } from 'vite';

/** The module whose chunks boot.js preloads; its path relative to console/. */
const FIRST_PAGE = 'src/pages/CaseListPage.tsx';

interface ChunkInfo {
  readonly type: string;
  readonly fileName: string;
  readonly isEntry?: boolean;
  readonly facadeModuleId?: string | null;
  readonly imports?: readonly string[];
}

/** The chunk files `from` loads statically, itself included. */
function staticClosure(bundle: Record<string, ChunkInfo>, from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of bundle[fileName]?.imports ?? []) visit(imported);
  };
  visit(from);
  return seen;
}

export function firstPageChunks(): Plugin {
  return {
    name: 'linkage-first-page-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = (context.bundle ?? {}) as Record<string, ChunkInfo>;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        const page = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/console/${FIRST_PAGE}`));
        if (!entry || !page) throw new Error(`first-page-chunks: no chunk for the entry or ${FIRST_PAGE}`);
        const loadedByEntry = staticClosure(bundle, entry.fileName);
        const files = [...staticClosure(bundle, page.fileName)].filter((f) => !loadedByEntry.has(f));
        const attribute = `data-list-chunks="${files.map((f) => `/${f}`).join(' ')}"`;
        const tagged = html.replace(
          '<script src="/boot.js"></script>',
          `<script src="/boot.js" ${attribute}></script>`,
        );
        if (tagged === html) throw new Error('first-page-chunks: no boot.js script tag in index.html');
        return tagged;
      },
    },
  };
}
