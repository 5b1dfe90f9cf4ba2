// The assessment API's queries (one cache entry per period, series and scope).
import { apiGet } from '../api/client.ts';
import type { FiguresResponse, SeriesResponse } from './figures.ts';

export const figuresQuery = (period: string, institution?: string) => ({
  queryKey: ['assessment', period, institution],
  queryFn: () => apiGet<FiguresResponse>('/api/assessment', { period, institution }),
});

export const seriesQuery = (from: string, to: string, institution?: string) => ({
  queryKey: ['assessment-series', from, to, institution],
  queryFn: () => apiGet<SeriesResponse>('/api/assessment/months', { from, to, institution }),
});
