// What the assessment page shows of each figure: its label in the user's language, its value
// (fen as yuan), which figures each kind charts, and the periods to choose from.
import type { FiguresResponse, FiguresView, SeriesResponse } from '../../../api/assessment-schemas.ts';
import { valueOf } from '../../../shared/assessment/csv.ts';
import { FIGURE_LABELS, KIND_LABELS, SHOWN_FIGURES } from '../../../shared/assessment/labels.ts';
import { localDate } from '../../../shared/time/calendar.ts';

export type { FiguresResponse, FiguresView, SeriesResponse };
export type Kind = FiguresView['kind'];
export const KINDS: readonly Kind[] = ['ENFORCING_COURT', 'PRISON', 'HEARING_COURT', 'SERVICE'];
export { SHOWN_FIGURES };

/** Shown in yuan, not fen (money is kept in fen; people read yuan). */
const YUAN: Record<string, { zh: string; en: string }> = {
  fenCollected: { zh: '促成履行金额(元)', en: 'paid while a reduction was at stake (yuan)' },
};

export function figureLabel(name: string, language: 'zh' | 'en'): string {
  const label = YUAN[name] ?? FIGURE_LABELS[name];
  return label ? label[language] : name;
}

export function kindLabel(kind: Kind, language: 'zh' | 'en'): string {
  return KIND_LABELS[kind][language];
}

/** The number of a figure (yuan for fen), or null when it is undefined (nothing to divide). */
export function numberOf(figures: FiguresView, name: string): number | null {
  const value = valueOf(figures, name);
  if (value === null) return null;
  return name in YUAN ? value / 100 : value;
}

export function display(figures: FiguresView, name: string): string {
  const value = numberOf(figures, name);
  if (value === null) return '—';
  return name in YUAN ? value.toFixed(2) : String(value);
}

/** What each kind ranks by first, and draws over the months. */
export const RANK_BY: Record<Kind, string> = {
  ENFORCING_COURT: 'answeredWithin7Pct',
  PRISON: 'completeAtFirstPct',
  HEARING_COURT: 'rulingsRecorded',
  SERVICE: 'applicationsEvaluated',
};
export const TREND: Record<Kind, readonly string[]> = {
  ENFORCING_COURT: ['requestsReceived', 'answeredWithin7', 'statusesUnprompted'],
  PRISON: ['dossiersSubmitted', 'completeAtFirst', 'materialsCompleted', 'rejections'],
  HEARING_COURT: ['flagsCLEAR', 'flagsFLAG', 'flagsBLOCK', 'rulingsRecorded'],
  SERVICE: ['applicationsEvaluated', 'clearedAfterPayment', 'revocations', 'postEnforce'],
};
/** Figures where less is better: ranked ascending. */
export const LOWER_IS_BETTER = new Set(['medianReplyDays', 'p90ReplyDays', 'overdueNow', 'rejections', 'rejectedPct']);

const CHINA_OFFSET_MINUTES = 8 * 60;

/** This month (yyyy-mm) in China Standard Time, the institutions' offset. */
export function currentMonth(nowMs = Date.now()): string {
  return localDate(nowMs, CHINA_OFFSET_MINUTES).slice(0, 7);
}

export function addMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The period before (the month or quarter before), for the comparison. */
export function previousPeriod(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!q) return addMonth(period, -1);
  return q[2] === '1' ? `${Number(q[1]) - 1}-Q4` : `${q[1]}-Q${Number(q[2]) - 1}`;
}

/** The last 12 months and the last 4 quarters, newest first. */
export function periodChoices(month: string): string[] {
  const months = Array.from({ length: 12 }, (_, i) => addMonth(month, -i));
  const quarters = [...new Set(Array.from({ length: 12 }, (_, i) => quarterOf(addMonth(month, -i * 3))))].slice(0, 4);
  return [...months, ...quarters];
}

export function periodLabel(period: string, language: 'zh' | 'en'): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (language === 'en') return period;
  return q ? `${q[1]}年第${q[2]}季度` : `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
}
