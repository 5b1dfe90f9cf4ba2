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
import { assessItems } from './items.ts';
import { materialsLastDay, overdueFrom } from './periods.ts';
import { requestState, statusesOfPrisoner } from './requests.ts';

/** Flag fields that describe time itself, not the decision: two flags that differ only there are the same. */
export const PROJECTION_FIELDS = ['evaluatedAt', 'revision', 'earliestClearOn', 'nextChangeAt'] as const;

/** The decided part of a flag, as text: equal for equal decisions on equal inputs. */
export function decidedContent(flag: FulfilmentFlag): string {
  const decided: Record<string, unknown> = { ...flag };
  for (const field of PROJECTION_FIELDS) delete decided[field];
  return JSON.stringify(decided);
}

/** Remedies follow from the reasons, items and materials: equal those, equal remedies. */
const NOT_COMPARED = new Set<string>([...PROJECTION_FIELDS, 'remedies']);

/** Whether two flags of one application decide the same, field by field (stops at the first difference). */
function sameDecision(a: FulfilmentFlag, b: FulfilmentFlag): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (NOT_COMPARED.has(key)) continue;
    if (!sameJson(a[key as keyof FulfilmentFlag], b[key as keyof FulfilmentFlag])) return false;
  }
  return true;
}

/**
 * isDeepStrictEqual for what a flag holds (plain objects, arrays, strings, numbers, booleans,
 * null), without its generality (cycles, prototypes, Maps), which cost a seventh of nextChangeAt.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key)) return false;
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

export function nextChangeAt(facts: CaseFacts, policy: Policy, now: string, current: Evaluation): string | null {
  // After a ruling nothing changes with time: a grant is re-decided only on new findings.
  if (current.flag.ruling !== undefined) return null;
  const ctx = createContext(facts, policy, now);
  for (const { at, certain } of changeCandidates(ctx, current.flag)) {
    const then = formatInstant(at, ctx.offsetMinutes);
    if (certain || !sameDecision(decideAt(facts, policy, then, { remedies: false }).flag, current.flag)) return then;
  }
  return null;
}

interface Candidate {
  readonly at: number;
  /**
   * The flag surely differs then, with no need to run the engine: a watched status turns stale,
   * pending materials turn missing, an open request turns overdue (each adds a reason or
   * names one more thing in it). The property tests check this against the engine.
   */
  readonly certain: boolean;
}

/**
 * Every instant after now at which a rule's comparison with "today" or "now" can flip, in
 * order. A clock that cannot matter in the current flag is left out: for it to matter, an item
 * state or the missing materials must change first, and that change is itself a candidate.
 */
function changeCandidates(ctx: EvaluationContext, flag: FulfilmentFlag): Candidate[] {
  const { policy, facts } = ctx;
  const certainDays: string[] = flag.missingMaterials.length > 0 ? [addDays(materialsLastDay(ctx), 1)] : [];
  const days: string[] = [];
  const prisoners = statusesOfPrisoner(facts.statuses, facts.dossier.prisoner.personId);
  const instants: Candidate[] = facts.requests.map((r) => ({
    at: overdueFrom(r.dueBy),
    certain: requestState(r, prisoners, ctx.nowMs) === 'OPEN',
  }));
  const statuses = [...assessItems(ctx).statuses.values()].map((s) => s.body);
  const watched = new Set(
    flag.items
      .filter((i) => i.state === 'UNSATISFIED' || i.state === 'NOT_AFFECTING')
      .map((i) => `${i.judgmentId}#${i.itemNo}`),
  );
  const allPaid = flag.items.every((i) => i.state === 'SATISFIED');
  const conductOnRecord =
    facts.dossier.assetDeclaration?.refusedOrFalse === true || statuses.some((s) => s.conduct.length > 0);
  for (const body of statuses) {
    if (watched.has(`${body.judgmentId}#${body.itemNo}`)) {
      certainDays.push(addDays(ctx.dayOf(body.asOf), policy.statusMaxAgeDays + 1));
    }
    if (!conductOnRecord) continue;
    // A payment anchor exists only while every item is SATISFIED (point 4); until then a
    // state must change first, which is a candidate of its own.
    if (allPaid) {
      days.push(addMonths(ctx.dayOf(body.asOf), policy.cooloffMonths));
      for (const p of body.payments) days.push(addMonths(p.paidOn, policy.cooloffMonths));
    }
    for (const c of body.conduct) {
      days.push(c.foundOn);
      if (c.ceasedOn) days.push(c.ceasedOn, addMonths(c.ceasedOn, policy.cooloffMonths));
    }
  }
  for (const [list, certain] of [
    [certainDays, true],
    [days, false],
  ] as const) {
    for (const day of list) if (day > ctx.today) instants.push({ at: startOfDay(day, ctx.offsetMinutes), certain });
  }
  // In time order; at one instant a certain change wins.
  return instants.filter((c) => c.at > ctx.nowMs).sort((a, b) => a.at - b.at || Number(b.certain) - Number(a.certain));
}
