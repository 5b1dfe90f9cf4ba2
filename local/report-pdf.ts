// The monthly assessment report as a PDF in Chinese: an HTML page with ECharts charts (drawn on
// canvas, then kept as PNG images) and a table beside each, printed by the Chromium the browser
// tests use (Debian's, CHROMIUM_PATH to override), through Playwright's page.pdf.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { valueOf } from '../shared/assessment/csv.ts';
import type { AssessedKind } from '../shared/assessment/figures.ts';
import { FIGURE_LABELS, KIND_LABELS, SHOWN_FIGURES } from '../shared/assessment/labels.ts';
import type { InstitutionFigures } from '../shared/assessment/report.ts';

const ECHARTS = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
const KINDS: readonly AssessedKind[] = ['ENFORCING_COURT', 'PRISON', 'HEARING_COURT', 'SERVICE'];

/** The report's title, also what the CI check extracts from the PDF. */
export const reportTitle = (period: string) => `财产性判项联动考核报告（${period}）`;

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

interface ChartSpec {
  readonly id: string;
  readonly option: Record<string, unknown>;
}

function bars(
  id: string,
  title: string,
  rows: readonly InstitutionFigures[],
  series: readonly string[],
  stack = false,
): ChartSpec {
  return {
    id,
    option: {
      animation: false,
      title: { text: title, textStyle: { fontSize: 13 } },
      legend: { top: 30 },
      grid: { top: 64, left: 48, right: 16, bottom: 56 },
      xAxis: { type: 'category', data: rows.map((r) => r.institutionId), axisLabel: { rotate: 45, fontSize: 9 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((name) => ({
        name: FIGURE_LABELS[name]?.zh ?? name,
        type: 'bar',
        ...(stack ? { stack: 'total' } : {}),
        data: rows.map((r) => valueOf(r, name) ?? 0),
      })),
    },
  };
}

function replyDistribution(rows: readonly InstitutionFigures[]): ChartSpec {
  const total = rows[0]?.replyDays?.map((_, d) => rows.reduce((s, r) => s + (r.replyDays?.[d] ?? 0), 0)) ?? [];
  return {
    id: 'reply-days',
    option: {
      animation: false,
      title: { text: '核实函答复用时分布（日）', textStyle: { fontSize: 13 } },
      grid: { top: 40, left: 48, right: 16, bottom: 32 },
      xAxis: { type: 'category', data: total.map((_, d) => (d === total.length - 1 ? `≥${d}` : String(d))) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: total, name: '答复件数' }],
    },
  };
}

function tableHtml(kind: AssessedKind, rows: readonly InstitutionFigures[]): string {
  const names = SHOWN_FIGURES[kind];
  const head = ['机构', '名称', ...names.map((n) => FIGURE_LABELS[n]?.zh ?? n)]
    .map((h) => `<th>${escape(h)}</th>`)
    .join('');
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escape(r.institutionId)}</td><td>${escape(r.name)}</td>${names.map((n) => `<td>${valueOf(r, n) ?? '—'}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function reportHtml(
  figures: readonly InstitutionFigures[],
  period: string,
): { html: string; charts: ChartSpec[] } {
  const charts: ChartSpec[] = [];
  const sections: string[] = [];
  for (const kind of KINDS) {
    const rows = figures.filter((f) => f.kind === kind);
    if (rows.length === 0) continue;
    const mine: ChartSpec[] = [];
    if (kind === 'ENFORCING_COURT') {
      mine.push(
        bars('ec-requests', '核实函收到与7日内答复', rows, ['requestsReceived', 'answeredWithin7']),
        replyDistribution(rows),
      );
    } else if (kind === 'PRISON') {
      mine.push(bars('prison-dossiers', '提请案件与首次齐全', rows, ['dossiersSubmitted', 'completeAtFirst']));
    } else if (kind === 'HEARING_COURT') {
      mine.push(
        bars(
          'hc-flags',
          '收到的履行标识（按结论）',
          rows,
          ['flagsCLEAR', 'flagsFLAG', 'flagsBLOCK', 'flagsREVOKE'],
          true,
        ),
      );
    }
    charts.push(...mine);
    sections.push(
      `<section><h2>${KIND_LABELS[kind].zh}</h2>${mine.map((c) => `<div class="chart" id="${c.id}"></div>`).join('')}${tableHtml(kind, rows)}</section>`,
    );
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    body { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; font-size: 10pt; margin: 0; }
    h1 { font-size: 18pt; text-align: center; } h2 { font-size: 13pt; border-bottom: 1px solid #999; }
    section { page-break-before: always; } section:first-of-type { page-break-before: auto; }
    .chart { width: 700px; height: 280px; margin: 8px 0; } .chart img { width: 700px; height: 280px; }
    table { border-collapse: collapse; width: 100%; font-size: 8pt; } th, td { border: 1px solid #bbb; padding: 2px 4px; text-align: right; }
    th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; }
  </style></head><body><h1>${escape(reportTitle(period))}</h1>
  <p>统计口径见 docs/assessment.md；时间按机构所在时区（北京时间）的自然日、月计。</p>${sections.join('')}</body></html>`;
  return { html, charts };
}

/** Writes the PDF to a file; throws when Chromium cannot run. */
export async function writePdfReport(
  figures: readonly InstitutionFigures[],
  period: string,
  file: string,
): Promise<void> {
  writeFileSync(file, await renderPdfReport(figures, period));
}

/** The PDF's bytes (the console's report.pdf in local mode); throws when Chromium cannot run. */
export async function renderPdfReport(figures: readonly InstitutionFigures[], period: string): Promise<Uint8Array> {
  const { html, charts } = reportHtml(figures, period);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.addScriptTag({ path: ECHARTS });
    await page.evaluate((specs) => {
      const echarts = (
        globalThis as unknown as {
          echarts: {
            init: (
              el: Element,
              theme?: unknown,
              o?: unknown,
            ) => { setOption: (o: unknown) => void; getDataURL: (o: unknown) => string };
          };
        }
      ).echarts;
      for (const spec of specs) {
        const el = document.getElementById(spec.id)!;
        const chart = echarts.init(el, undefined, { renderer: 'canvas', width: 700, height: 280 });
        chart.setOption(spec.option);
        // Kept as a PNG image: the PDF then carries the chart as an image, whatever the printer does with canvas.
        el.innerHTML = `<img alt="${spec.id}" src="${chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' })}">`;
      }
    }, charts);
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
  }
}
