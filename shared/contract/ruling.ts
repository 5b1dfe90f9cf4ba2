// linkage.ruling.v1: the hearing court's decision on a proposal.
import * as z from 'zod/mini';
import { calendarDate, text } from './primitives.ts';

export const RULING_OUTCOMES = ['GRANTED', 'DENIED', 'NOT_FILED', 'WITHDRAWN'] as const;

/** The body's schema, built on first use (messages.ts says why). */
export const rulingBody = z.lazy(() =>
  z.strictObject({
    applicationId: text(128, 'application id'),
    outcome: z.enum(RULING_OUTCOMES),
    ruledOn: calendarDate,
    rulingRef: text(128, 'ruling reference'),
  }),
);

export type Ruling = z.infer<typeof rulingBody>;
