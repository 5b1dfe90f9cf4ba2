// Initial JavaScript of the web console: the entry script and the chunks index.html preloads
// (what the browser fetches before the first route's lazy chunk), gzip-compressed as served;
// beside it, the list page's own chunks, which boot.js fetches with them when the list is the
// first page (the build lists them in its script tag's data-list-chunks).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  readonly initialGzipBytes: number;
  readonly initialFiles: readonly string[];
  readonly allJsGzipBytes: number;
  readonly allJsFiles: number;
  /** Absent in results written before boot.js preloaded the list page. */
  readonly listPageGzipBytes?: number;
  readonly listPageFiles?: number;
}

export function measureInitialJs(dist: string): InitialJs {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const listPage = (/data-list-chunks="([^"]*)"/.exec(html)?.[1] ?? '')
    .split(' ')
    .filter(Boolean)
    .map((href) => href.replace(/^\//, ''));
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    initialGzipBytes: initial.reduce((sum, f) => sum + gz(f), 0),
    initialFiles: initial,
    allJsGzipBytes: all.reduce((sum, f) => sum + gz(join('assets', f)), 0),
    allJsFiles: all.length,
    listPageGzipBytes: listPage.reduce((sum, f) => sum + gz(f), 0),
    listPageFiles: listPage.length,
  };
}
