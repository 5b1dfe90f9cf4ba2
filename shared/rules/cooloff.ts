// Art 6(3) cool-off (rules R09, R09a; contract semantics 4): once Art 6 conduct was ever
// recorded, a reduction waits until six months after the conduct ceased or the items were paid.
import { addMonths, earlierDate, laterDate } from '../time/calendar.ts';
import { declarationRefusedOrFalse, type ConductRecord } from './conduct.ts';
import type { EvaluationContext } from './context.ts';
import { finding, type Finding } from './finding.ts';
import type { AssessedItem } from './items.ts';

export interface CoolOffAnchor {
  /** The cool-off anchor of point 4, when one exists. */
  readonly anchor?: string;
  /** Which event the anchor is. */
  readonly by?: 'CESSATION' | 'PAYMENT';
  /** anchor + cooloffMonths: the first day the wait is over. */
  readonly endsOn?: string;
}

/** The anchor of the cool-off, or undefined when no Art 6 conduct was ever recorded. */
export function coolOffAnchor(
  ctx: EvaluationContext,
  items: readonly AssessedItem[],
  conduct: readonly ConductRecord[],
): CoolOffAnchor | undefined {
  const refused = declarationRefusedOrFalse(ctx);
  if (items.length === 0 || (conduct.length === 0 && !refused)) return undefined;
  // Cessation anchor: only when every recorded conduct has ceased by today.
  const allCeased = !refused && conduct.every((c) => c.ceasedOn !== undefined && c.ceasedOn <= ctx.today);
  const ceasedOn = allCeased ? conduct.map((c) => c.ceasedOn!).reduce(laterDate) : undefined;
  // Payment anchor: only when every item is paid in full.
  const allPaid = items.every((i) => i.state === 'SATISFIED');
  const paidOn = allPaid ? items.map((i) => i.satisfiedOn!).reduce(laterDate) : undefined;
  const anchor = ceasedOn && paidOn ? earlierDate(ceasedOn, paidOn) : (ceasedOn ?? paidOn);
  if (anchor === undefined) return {};
  return {
    anchor,
    by: anchor === ceasedOn ? 'CESSATION' : 'PAYMENT',
    endsOn: addMonths(anchor, ctx.policy.cooloffMonths),
  };
}

export function coolOff(
  ctx: EvaluationContext,
  items: readonly AssessedItem[],
  conduct: readonly ConductRecord[],
): Finding[] {
  const wait = coolOffAnchor(ctx, items, conduct);
  if (wait === undefined) return [];
  const { anchor, endsOn, by } = wait;
  const unsatisfied = items.filter((i) => i.state === 'UNSATISFIED').map((i) => i.key);
  const recorded = conduct.map((c) => c.item);
  const findings: Finding[] = [];

  if (anchor === undefined || endsOn === undefined) {
    findings.push(
      finding(
        'PP-COOLOFF-6M',
        'Art 6 conduct was recorded and has neither ceased nor been followed by full payment, so the six-month wait has not begun.',
        recorded,
      ),
    );
  } else if (ctx.today < endsOn) {
    const event = by === 'CESSATION' ? 'the conduct ceased' : 'the items were paid in full';
    findings.push(
      finding(
        'PP-COOLOFF-6M',
        `Art 6 conduct was recorded; ${event} on ${anchor}, so the ${ctx.policy.cooloffMonths}-month wait runs until ${endsOn}.`,
        recorded,
      ),
    );
  }
  if (anchor !== undefined && by === 'CESSATION' && unsatisfied.length > 0) {
    findings.push(
      finding(
        'PP-AMBIG-6.3',
        `The cool-off is counted from the end of the conduct on ${anchor} while items are still unpaid; whether Art 6(3) allows this is disputed.`,
        unsatisfied,
      ),
    );
  }
  return findings;
}
