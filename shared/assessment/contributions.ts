// What each counted event adds to which institution's counters: pure functions, used both by
// the pipeline's hooks (as events happen) and by the nightly reconciliation (from the source
// records), so the two can only differ when the counters or the records do.
import type { FulfilmentFlag } from '../contract/fulfilment-flag.ts';
import type { EnforcementStatus } from '../contract/enforcement-status.ts';
import type { Decision } from '../contract/reason-codes.ts';
import { overdueFrom } from '../rules/periods.ts';
import { daysBetween, epochMs } from '../time/calendar.ts';
import { flagFigure, materialsDaysCounter, replyDaysCounter, type Counts } from './figures.ts';
import { localDay } from './periods.ts';

export function statusCounts(body: EnforcementStatus): Counts {
  return { statusesAccepted: 1, statusesUnprompted: body.inReplyTo === undefined ? 1 : 0 };
}

export function hearingCourtFlagCounts(decision: Decision): Counts {
  return { [flagFigure(decision)]: 1 };
}

const hasReason = (flag: FulfilmentFlag, code: string) => flag.reasons.some((r) => r.code === code);
const paidFen = (flag: FulfilmentFlag) => flag.items.reduce((sum, item) => sum + item.paidFen, 0);

/** Materials still missing (Art 5): within the grace period, or after it. */
const materialsMissing = (flag: FulfilmentFlag) =>
  hasReason(flag, 'PP-MAT-PENDING') || hasReason(flag, 'PP-MAT-MISSING');

/** Whether the figures of this revision need the earlier ones (else none is read). */
export function needsHistory(flag: FulfilmentFlag): boolean {
  return (
    flag.revision > 1 && (flag.decision === 'CLEAR' || hasReason(flag, 'PP-POST-ENFORCE') || !materialsMissing(flag))
  );
}

/**
 * The linkage's own figures for a delivered revision, given the revisions before it (oldest
 * first): evaluated (revision 1), BLOCK/FLAG turned CLEAR with the fen paid since the first
 * non-CLEAR revision of that run, REVOKE, and PP-POST-ENFORCE newly raised.
 */
export function serviceFlagCounts(flag: FulfilmentFlag, earlier: readonly FulfilmentFlag[]): Counts {
  const counts: Counts = {
    applicationsEvaluated: flag.revision === 1 ? 1 : 0,
    revocations: flag.decision === 'REVOKE' ? 1 : 0,
  };
  const previous = earlier.at(-1);
  if (hasReason(flag, 'PP-POST-ENFORCE') && !(previous && hasReason(previous, 'PP-POST-ENFORCE')))
    counts.postEnforce = 1;
  if (flag.decision === 'CLEAR' && previous && (previous.decision === 'BLOCK' || previous.decision === 'FLAG')) {
    let first = earlier.length - 1;
    while (first > 0 && earlier[first - 1]!.decision !== 'CLEAR') first -= 1;
    const collected = paidFen(flag) - paidFen(earlier[first]!);
    if (collected > 0) {
      counts.clearedAfterPayment = 1;
      counts.fenCollected = collected;
    }
  }
  return counts;
}

/** A prison's figures from the first revision of its application: submitted, complete at once. */
export function prisonFirstRevisionCounts(flag: FulfilmentFlag): Counts {
  return { dossiersSubmitted: 1, completeAtFirst: materialsMissing(flag) ? 0 : 1 };
}

/**
 * A prison's materials completed: this revision is the first without PP-MAT-PENDING or
 * PP-MAT-MISSING, every earlier one had one of them. Days: from the first submission's local
 * date to this revision's evaluation date (`evaluatedAt`, stored with the revision, so the
 * reconciliation finds the same). Undefined for any other revision.
 */
export function materialsCompletedCounts(
  flag: FulfilmentFlag,
  earlier: readonly FulfilmentFlag[],
  firstSubmittedAt: string,
): Counts | undefined {
  if (flag.revision === 1 || materialsMissing(flag) || earlier.length === 0 || !earlier.every(materialsMissing))
    return undefined;
  const days = daysBetween(localDay(firstSubmittedAt), localDay(flag.evaluatedAt));
  return { materialsCompleted: 1, [materialsDaysCounter(days)]: 1 };
}

/** An enforcing court's figures for a request answered at `answeredAt` (counted on the request's day). */
export function answerCounts(request: { requestedAt: string; dueBy: string }, answeredAt: string): Counts {
  const days = daysBetween(localDay(request.requestedAt), localDay(answeredAt));
  return {
    requestsAnswered: 1,
    answeredWithin7: epochMs(answeredAt) < overdueFrom(request.dueBy) ? 1 : 0,
    [replyDaysCounter(days)]: 1,
  };
}

export function rulingCounts(outcome: string, decisionBefore: Decision | undefined): Counts {
  return { rulingsRecorded: 1, grantedAgainstBlock: outcome === 'GRANTED' && decisionBefore === 'BLOCK' ? 1 : 0 };
}

/** Drops zero counters (an ADD of 0 would still create the attribute; harmless, but noise). */
export function nonZero(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== 0));
}
