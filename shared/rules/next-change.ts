// nextChangeAt (contract v1.1 point 14): the earliest instant after "now" at which the same
// facts, with no new message, give a different flag. Every clock in the rules is listed here
// as a candidate instant; the engine is run at each, in order, and the first that changes the
// flag is the answer. Between two candidates no rule can change its mind, so none is missed.
import type { FulfilmentFlag } from '../contract/fulfilment-flag.ts';
import type { Policy } from '../contract/policy.ts';
import { addDays, addMonths, formatInstant, startOfDay } from '../time/calendar.ts';
import { createContext, type EvaluationContext } from './context.ts';
import { decideAt, type Evaluation } from './decide.ts';
import type { CaseFacts } from './facts.ts';
import { newestStatuses } from './items.ts';
import { materialsLastDay, overdueFrom } from './periods.ts';

/** Flag fields that describe time itself, not the decision: two flags that differ only there are the same. */
export const PROJECTION_FIELDS = ['evaluatedAt', 'revision', 'earliestClearOn', 'nextChangeAt'] as const;

/** The decided part of a flag, as text: equal for equal decisions on equal inputs. */
export function decidedContent(flag: FulfilmentFlag): string {
  const decided: Record<string, unknown> = { ...flag };
  for (const field of PROJECTION_FIELDS) delete decided[field];
  return JSON.stringify(decided);
}

export function nextChangeAt(facts: CaseFacts, policy: Policy, now: string, current: Evaluation): string | null {
  // After a ruling nothing changes with time: a grant is re-decided only on new findings.
  if (current.flag.ruling !== undefined) return null;
  const ctx = createContext(facts, policy, now);
  const here = decidedContent(current.flag);
  for (const at of changeCandidates(ctx, current.flag)) {
    const then = formatInstant(at, ctx.offsetMinutes);
    if (decidedContent(decideAt(facts, policy, then).flag) !== here) return then;
  }
  return null;
}

/**
 * Every instant after now at which a rule's comparison with "today" or "now" can flip, in
 * order. A clock that cannot matter in the current flag is left out: for it to matter, an item
 * state or the missing materials must change first, and that change is itself a candidate.
 */
function changeCandidates(ctx: EvaluationContext, flag: FulfilmentFlag): number[] {
  const { policy, facts } = ctx;
  const days: string[] = flag.missingMaterials.length > 0 ? [addDays(materialsLastDay(ctx), 1)] : [];
  const instants: number[] = facts.requests.map((r) => overdueFrom(r.dueBy));
  const statuses = [...newestStatuses(ctx).values()].map((s) => s.body);
  const watched = new Set(
    flag.items
      .filter((i) => i.state === 'UNSATISFIED' || i.state === 'NOT_AFFECTING')
      .map((i) => `${i.judgmentId}#${i.itemNo}`),
  );
  const conductOnRecord =
    facts.dossier.assetDeclaration?.refusedOrFalse === true || statuses.some((s) => s.conduct.length > 0);
  for (const body of statuses) {
    if (watched.has(`${body.judgmentId}#${body.itemNo}`)) {
      days.push(addDays(ctx.dayOf(body.asOf), policy.statusMaxAgeDays + 1));
    }
    if (!conductOnRecord) continue;
    days.push(addMonths(ctx.dayOf(body.asOf), policy.cooloffMonths));
    for (const p of body.payments) days.push(addMonths(p.paidOn, policy.cooloffMonths));
    for (const c of body.conduct) {
      days.push(c.foundOn);
      if (c.ceasedOn) days.push(c.ceasedOn, addMonths(c.ceasedOn, policy.cooloffMonths));
    }
  }
  for (const day of days) if (day > ctx.today) instants.push(startOfDay(day, ctx.offsetMinutes));
  return [...new Set(instants.filter((at) => at > ctx.nowMs))].sort((a, b) => a - b);
}
