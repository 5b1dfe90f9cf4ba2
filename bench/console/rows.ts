// The console's rows of the benchmark table (targets from issue 12; reported, never asserted).
import { fmt, type Row } from '../report.ts';
import type { ConsoleResult } from './bench.ts';

export const CONSOLE_TARGETS = { listP95Ms: 100, firstLoadMs: 1500, initialJsGzipBytes: 350 * 1024 } as const;

export function consoleRows(c: ConsoleResult): Row[] {
  const rows: Row[] = [
    {
      section: 'console',
      figure: `case list API p95 (20 rows, ${fmt(c.applications)} applications)`,
      value: `${fmt(c.list.apiP95Ms, 1)} ms (p50 ${fmt(c.list.apiP50Ms, 1)} ms)`,
      beside: `bare Query of the same index page: p95 ${fmt(c.list.rawP95Ms, 1)} ms (p50 ${fmt(c.list.rawP50Ms, 1)} ms); ${fmt(c.list.requests)} requests each, interleaved`,
      ratio: `${fmt(c.list.apiP95Ms / c.list.rawP95Ms, 2)} × bare query`,
      target: `p95 < ${CONSOLE_TARGETS.listP95Ms} ms`,
      met: c.list.apiP95Ms < CONSOLE_TARGETS.listP95Ms,
    },
  ];
  if (c.pageLoad)
    rows.push({
      section: 'console',
      figure: 'first page load in Chromium (navigation → list rows shown, empty cache)',
      value: c.pageLoad.error ? `not measured: ${c.pageLoad.error}` : `${fmt(c.pageLoad.listShownMs)} ms`,
      beside: `a bare JSON response of the same server, same browser: ${fmt(c.pageLoad.referenceMs)} ms; median of ${c.pageLoad.loads}`,
      ratio: `${fmt(c.pageLoad.listShownMs / c.pageLoad.referenceMs, 1)} × bare response`,
      target: `< ${fmt(CONSOLE_TARGETS.firstLoadMs)} ms`,
      ...(c.pageLoad.error ? {} : { met: c.pageLoad.listShownMs < CONSOLE_TARGETS.firstLoadMs }),
    });
  rows.push({
    section: 'console',
    figure: 'initial JavaScript (gzip)',
    value: `${fmt(c.initialJs.initialGzipBytes / 1024, 1)} KB in ${c.initialJs.initialFiles.length} files`,
    beside:
      `all console JavaScript: ${fmt(c.initialJs.allJsGzipBytes / 1024, 1)} KB in ${c.initialJs.allJsFiles} files (the rest loads per route)` +
      (c.initialJs.listPageGzipBytes === undefined
        ? ''
        : `; the list page's own ${fmt(c.initialJs.listPageGzipBytes / 1024, 1)} KB in ${c.initialJs.listPageFiles} files, fetched beside them when it is the first page`),
    ratio: `${fmt(c.initialJs.initialGzipBytes / CONSOLE_TARGETS.initialJsGzipBytes, 2)} × 350 KB`,
    target: '≤ 350 KB',
    met: c.initialJs.initialGzipBytes <= CONSOLE_TARGETS.initialJsGzipBytes,
  });
  return rows;
}
