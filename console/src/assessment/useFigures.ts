// The figures of a period, of the period before (the comparison) and of the six months up to it.
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { figuresQuery, seriesQuery } from './api.ts';
import { addMonth, previousPeriod } from './figures.ts';

/** The six months ending with the period's last month (the line over months). */
function monthsUpTo(period: string): { from: string; to: string } {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  const to = q ? `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}` : period;
  return { from: addMonth(to, -5), to };
}

export function useFigures(period: string, institution?: string) {
  const current = useQuery(figuresQuery(period, institution));
  const before = useQuery(figuresQuery(previousPeriod(period), institution));
  const { from, to } = monthsUpTo(period);
  const series = useQuery(seriesQuery(from, to, institution));
  const notFound = current.error instanceof ApiError && current.error.status === 404;
  return { current: current.data?.figures, previous: before.data?.figures ?? [], series: series.data, notFound };
}
