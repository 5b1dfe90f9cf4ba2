// Legal periods, counted as procedural law counts them (Criminal Procedure Law Art 105;
// contract v1.1 point 16): the day a period begins is not counted, and the period ends at
// the end of its last day. Instants are compared to the whole second.
import type { Policy } from '../contract/policy.ts';
import { addDays, endOfDayInstant, epochMs, localDate, parseInstant } from '../time/calendar.ts';
import type { EvaluationContext } from './context.ts';

/** Art 5: the last day on which missing materials are still PP-MAT-PENDING. */
export function materialsLastDay(ctx: EvaluationContext): string {
  return addDays(ctx.dayOf(ctx.facts.firstSubmittedAt), ctx.policy.materialsGraceDays);
}

/**
 * Art 13(2): a verification request sent at `requestedAt` is due by the end of the
 * `courtReplyDays`-th day after that date, written in the dossier's offset.
 */
export function replyDueBy(requestedAt: string, policy: Policy, offsetMinutes: number): string {
  const requestedOn = localDate(epochMs(requestedAt), offsetMinutes);
  return endOfDayInstant(addDays(requestedOn, policy.courtReplyDays), offsetMinutes);
}

/** The dossier's offset: every day of an application is counted in it. */
export function dossierOffset(submittedAt: string): number {
  return parseInstant(submittedAt).offsetMinutes;
}

/** The first whole second after `dueBy`: from then on a reply is overdue. */
export function overdueFrom(dueBy: string): number {
  return Math.floor(epochMs(dueBy) / 1_000) * 1_000 + 1_000;
}
