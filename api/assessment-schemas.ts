// The assessment routes' query parameters and responses (zod: validation, OpenAPI, and the
// console's types through type-only imports).
import * as z from 'zod';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = z.string().regex(MONTH, { error: 'must be a month YYYY-MM, e.g. 2026-11' });
const institution = z.string().max(32).optional();

/** At most this many months in one series (one Query per institution and month). */
export const MAX_SERIES_MONTHS = 24;

export const figuresQuery = z.strictObject({
  period: z
    .string()
    .regex(/^\d{4}-((0[1-9]|1[0-2])|Q[1-4])$/, { error: 'must be a month (2026-11) or a quarter (2026-Q4)' })
    .optional(),
  institution,
});

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

export const seriesQuery = z
  .strictObject({ from: month, to: month, institution })
  .refine((q) => q.from <= q.to && monthIndex(q.to) - monthIndex(q.from) < MAX_SERIES_MONTHS, {
    path: ['to'],
    error: `must be \`from\` or a later month, at most ${MAX_SERIES_MONTHS} months in all`,
  });

export const reportQuery = z.strictObject({ month, institution });

export const assessedKind = z.enum(['ENFORCING_COURT', 'PRISON', 'HEARING_COURT', 'SERVICE']);

export const figuresView = z.object({
  institutionId: z.string(),
  /** English and Chinese names (the linkage's figures: 联动机制). */
  name: z.string(),
  nameZh: z.string(),
  kind: assessedKind,
  period: z.string(),
  counts: z.record(z.string(), z.number()),
  /** Shares in percent, median and p90 in days, overdue now; null when undefined (nothing to divide). */
  derived: z.record(z.string(), z.number().nullable()),
  /** Replies by whole days 0..30 (the last: 30 or more); enforcing courts only. */
  replyDays: z.array(z.number()).optional(),
});
export type FiguresView = z.infer<typeof figuresView>;

export const figuresResponse = z.object({ period: z.string(), figures: z.array(figuresView) });
export type FiguresResponse = z.infer<typeof figuresResponse>;

export const seriesResponse = z.object({
  months: z.array(z.string()),
  series: z.array(z.object({ month: z.string(), figures: z.array(figuresView) })),
});
export type SeriesResponse = z.infer<typeof seriesResponse>;
