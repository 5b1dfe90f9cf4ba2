// The page's charts as ECharts options, each with the table of the same numbers.
import type { DataTable } from './ChartCard.tsx';
import type { ChartOption } from './EChart.tsx';
import {
  figureLabel,
  LOWER_IS_BETTER,
  numberOf,
  periodLabel,
  type FiguresView,
  type SeriesResponse,
} from './figures.ts';

type Language = 'zh' | 'en';
type Named = (f: FiguresView) => string;
const axis = { axisLabel: { color: '#333' } };
const base = (categories: string[]) => ({
  tooltip: { trigger: 'axis' },
  grid: { top: 40, left: 48, right: 16, bottom: 60, containLabel: true },
  xAxis: { type: 'category', data: categories, ...axis, axisLabel: { color: '#333', interval: 0, rotate: 30 } },
  yAxis: { type: 'value', minInterval: 1, ...axis },
});

/** One institution's figures over the months: a line per figure. */
export function trend(
  series: SeriesResponse,
  institutionId: string,
  names: readonly string[],
  language: Language,
): { option: ChartOption; table: DataTable } {
  const months = series.series.map((s) => periodLabel(s.month, language));
  const valueIn = (i: number, name: string) => {
    const f = series.series[i]!.figures.find((x) => x.institutionId === institutionId);
    return f ? (numberOf(f, name) ?? 0) : 0;
  };
  return {
    option: {
      ...base(months),
      legend: { top: 0 },
      series: names.map((name) => ({
        name: figureLabel(name, language),
        type: 'line',
        data: months.map((_, i) => valueIn(i, name)),
      })),
    },
    table: {
      header: [language === 'zh' ? '月份' : 'Month', ...names.map((n) => figureLabel(n, language))],
      rows: months.map((m, i) => [m, ...names.map((n) => valueIn(i, n))]),
    },
  };
}

/** Every institution's one figure over the months: a line per institution. */
export function trendByInstitution(
  series: SeriesResponse,
  ids: readonly string[],
  name: string,
  nameOf: (id: string) => string,
  language: Language,
): { option: ChartOption; table: DataTable } {
  const months = series.series.map((s) => periodLabel(s.month, language));
  const valueIn = (i: number, id: string) => {
    const f = series.series[i]!.figures.find((x) => x.institutionId === id);
    return f ? numberOf(f, name) : null;
  };
  return {
    option: {
      ...base(months),
      legend: { top: 0, type: 'scroll' },
      series: ids.map((id) => ({ name: nameOf(id), type: 'line', data: months.map((_, i) => valueIn(i, id)) })),
    },
    table: {
      header: [language === 'zh' ? '月份' : 'Month', ...ids.map(nameOf)],
      rows: months.map((m, i) => [m, ...ids.map((id) => valueIn(i, id) ?? '—')]),
    },
  };
}

export interface Ranked {
  readonly rank: number;
  readonly figures: FiguresView;
  readonly value: number | null;
  readonly previous: number | null;
}

/** Best first (highest, or lowest where less is better); undefined values last. */
export function rank(figures: readonly FiguresView[], previous: readonly FiguresView[], name: string): Ranked[] {
  const sign = LOWER_IS_BETTER.has(name) ? 1 : -1;
  return figures
    .map((f) => ({ figures: f, value: numberOf(f, name) }))
    .sort((a, b) =>
      a.value === null
        ? 1
        : b.value === null
          ? -1
          : sign * (a.value - b.value) || a.figures.institutionId.localeCompare(b.figures.institutionId),
    )
    .map((r, i) => {
      const before = previous.find((p) => p.institutionId === r.figures.institutionId);
      return { ...r, rank: i + 1, previous: before ? numberOf(before, name) : null };
    });
}

const change = (value: number | null, previous: number | null) =>
  value === null || previous === null
    ? '—'
    : `${value - previous > 0 ? '+' : ''}${Math.round((value - previous) * 100) / 100}`;

/** Bars per institution, ranked, with this period beside the one before. */
export function ranking(
  ranked: readonly Ranked[],
  name: string,
  periods: { current: string; previous: string },
  nameOf: Named,
  language: Language,
): { option: ChartOption; table: DataTable } {
  const names = ranked.map((r) => nameOf(r.figures));
  const label = (p: string) => periodLabel(p, language);
  return {
    option: {
      ...base(names),
      legend: { top: 0 },
      series: [
        { name: label(periods.current), type: 'bar', data: ranked.map((r) => r.value) },
        { name: label(periods.previous), type: 'bar', data: ranked.map((r) => r.previous) },
      ],
    },
    table: {
      header: [
        language === 'zh' ? '名次' : 'Rank',
        language === 'zh' ? '机构' : 'Institution',
        `${figureLabel(name, language)} ${label(periods.current)}`,
        label(periods.previous),
        language === 'zh' ? '变化' : 'Change',
      ],
      rows: ranked.map((r, i) => [r.rank, names[i]!, r.value ?? '—', r.previous ?? '—', change(r.value, r.previous)]),
    },
  };
}

/** Replies by whole days (0..30, the last: 30 or more), summed over the courts given. */
export function replyHistogram(
  figures: readonly FiguresView[],
  language: Language,
): { option: ChartOption; table: DataTable } {
  const days = Array.from({ length: 31 }, (_, d) => figures.reduce((s, f) => s + (f.replyDays?.[d] ?? 0), 0));
  const labels = days.map((_, d) => (d === days.length - 1 ? `≥${d}` : String(d)));
  const replies = language === 'zh' ? '答复件数' : 'Replies';
  return {
    option: { ...base(labels), series: [{ name: replies, type: 'bar', data: days }] },
    table: {
      header: [language === 'zh' ? '答复用时(日)' : 'Reply (days)', replies],
      rows: days.map((n, d) => [labels[d]!, n]),
    },
  };
}
