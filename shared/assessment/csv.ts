// The figures as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the
// Chinese): one row per institution and figure, with the Chinese and English names.
import { FIGURE_LABELS, KIND_LABELS, SHOWN_FIGURES } from './labels.ts';
import type { InstitutionFigures } from './report.ts';

const HEADER = ['period', 'institution_id', 'institution', 'kind', 'figure', '指标', 'value'];

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function valueOf(figures: InstitutionFigures, name: string): number | null {
  if (name in figures.derived) return figures.derived[name] ?? null;
  return figures.counts[name] ?? 0;
}

export function figuresCsv(all: readonly InstitutionFigures[]): string {
  const rows = [HEADER];
  for (const f of all)
    for (const name of SHOWN_FIGURES[f.kind])
      rows.push([
        f.period,
        f.institutionId,
        f.name,
        KIND_LABELS[f.kind].zh,
        name,
        FIGURE_LABELS[name]?.zh ?? name,
        String(valueOf(f, name) ?? ''),
      ]);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
