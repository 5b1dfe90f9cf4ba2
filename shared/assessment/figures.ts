// The assessment figures (考核) of each kind of institution: names, and the reply-time
// histogram. Definitions, with the event each counts and its time stamp: docs/assessment.md.
import type { Decision } from '../contract/reason-codes.ts';
import { DECISIONS } from '../contract/reason-codes.ts';

/** Who is assessed: the three kinds of institution, and the linkage itself (the service's id). */
export type AssessedKind = 'ENFORCING_COURT' | 'PRISON' | 'HEARING_COURT' | 'SERVICE';

export const flagFigure = (decision: Decision) => `flags${decision}` as const;

/** The counters kept per institution and local day; a month or quarter is their sum. */
export const COUNTERS = {
  ENFORCING_COURT: [
    'requestsReceived',
    'requestsAnswered',
    'answeredWithin7',
    'statusesAccepted',
    'statusesUnprompted',
    'rejections',
  ],
  PRISON: ['dossiersSubmitted', 'completeAtFirst', 'materialsCompleted', 'rejections'],
  HEARING_COURT: [...DECISIONS.map(flagFigure), 'rulingsRecorded', 'grantedAgainstBlock', 'rejections'],
  SERVICE: ['applicationsEvaluated', 'clearedAfterPayment', 'fenCollected', 'revocations', 'postEnforce'],
} as const satisfies Record<AssessedKind, readonly string[]>;

/** Counters no source record can recompute (the cases table keeps only a status's newest version). */
export const NOT_RECONCILED: readonly string[] = ['statusesAccepted', 'statusesUnprompted'];

/** Reply times are counted in whole calendar days, in buckets 0..MAX (the last: MAX or more). */
export const REPLY_DAYS_MAX = 30;
export const replyDaysCounter = (days: number) => `rd${Math.min(Math.max(days, 0), REPLY_DAYS_MAX)}`;
export const REPLY_DAY_COUNTERS = Array.from({ length: REPLY_DAYS_MAX + 1 }, (_, d) => replyDaysCounter(d));

/** Days from a dossier's first submission to its materials complete, in the same buckets (prisons). */
export const materialsDaysCounter = (days: number) => `md${Math.min(Math.max(days, 0), REPLY_DAYS_MAX)}`;
export const MATERIALS_DAY_COUNTERS = Array.from({ length: REPLY_DAYS_MAX + 1 }, (_, d) => materialsDaysCounter(d));

export type Counts = Record<string, number>;

export function countersOf(kind: AssessedKind): readonly string[] {
  if (kind === 'ENFORCING_COURT') return [...COUNTERS[kind], ...REPLY_DAY_COUNTERS];
  if (kind === 'PRISON') return [...COUNTERS[kind], ...MATERIALS_DAY_COUNTERS];
  return COUNTERS[kind];
}

/** Adds b into a (in place) and returns a. */
export function addCounts(a: Counts, b: Readonly<Counts>): Counts {
  for (const [name, value] of Object.entries(b)) a[name] = (a[name] ?? 0) + value;
  return a;
}
