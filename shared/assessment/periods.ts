// Assessment periods: local calendar days, months and quarters. The registry carries no
// offset per institution: every institution is in China Standard Time, the service's offset.
import { SERVICE_OFFSET_MINUTES } from '../pipeline/clock.ts';
import { addDays, epochMs, localDate, startOfDay } from '../time/calendar.ts';

export const ASSESSMENT_OFFSET_MINUTES = SERVICE_OFFSET_MINUTES;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The local date (yyyy-mm-dd) of an instant, in the institutions' offset. */
export function localDay(instant: string): string {
  return localDate(epochMs(instant), ASSESSMENT_OFFSET_MINUTES);
}

/** A local day's bounds as epoch milliseconds [start, end). */
export function dayBounds(day: string): { startMs: number; endMs: number } {
  return {
    startMs: startOfDay(day, ASSESSMENT_OFFSET_MINUTES),
    endMs: startOfDay(addDays(day, 1), ASSESSMENT_OFFSET_MINUTES),
  };
}

export type Period =
  { readonly kind: 'month'; readonly id: string } | { readonly kind: 'quarter'; readonly id: string };

/** Parses `2026-11` or `2026-Q4`; throws naming the field otherwise. */
export function parsePeriod(text: string, field = 'period'): Period {
  if (MONTH.test(text)) return { kind: 'month', id: text };
  if (QUARTER.test(text)) return { kind: 'quarter', id: text };
  throw new Error(`${field}: expected a month (2026-11) or a quarter (2026-Q4), got ${JSON.stringify(text)}`);
}

/** The months (yyyy-mm) of a period. */
export function monthsOf(period: Period): string[] {
  if (period.kind === 'month') return [period.id];
  const [, year, q] = QUARTER.exec(period.id)!;
  const first = (Number(q) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${year}-${String(first + i).padStart(2, '0')}`);
}

/** The month before (for period comparisons). */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

export function quarterOf(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${year}-Q${Math.floor((m - 1) / 3) + 1}`;
}
