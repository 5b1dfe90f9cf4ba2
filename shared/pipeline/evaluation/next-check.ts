// When an application must be looked at again although no message arrives: the earliest
// future instant at which a clock in the rules can change the decision. It may be early
// (the re-evaluation then finds nothing new and writes no revision), never late. Day
// arithmetic follows the engine: calendar days in the dossier's offset.
//   - Art 5 materials: the day firstSubmittedAt + materialsGraceDays begins, while materials are missing;
//   - freshness: the day a status becomes older than statusMaxAgeDays days begins;
//   - Art 13(2) replies: just after each request's dueBy (overdue strictly after it);
//   - Art 6 conduct and cool-off: the days conduct is found or ceases, and six months after
//     a cessation or a payment (the cool-off anchors), while any conduct is on record.
// Closed and granted applications have no clock: after a ruling only new findings count.
import type { Policy } from '../../contract/policy.ts';
import type { Evaluation } from '../../rules/evaluate.ts';
import type { CaseFacts } from '../../rules/facts.ts';
import { addDays, addMonths, epochMs, localDate, parseInstant } from '../../time/calendar.ts';

/** Past a strict "after" boundary: the sweep must see the state on the far side of it. */
const JUST_AFTER_MS = 1_000;

export function nextCheckAt(
  facts: CaseFacts,
  evaluation: Evaluation,
  policy: Policy,
  nowMs: number,
): number | undefined {
  if (evaluation.flag.ruling !== undefined) return undefined;
  const { dossier } = facts;
  const offset = parseInstant(dossier.submittedAt).offsetMinutes;
  const dayOf = (instant: string) => localDate(epochMs(instant), offset);
  const startOf = (date: string) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(year, month - 1, day) - offset * 60_000;
  };
  const statuses = facts.statuses.filter((s) => s.body.personId === dossier.prisoner.personId);
  const candidates: number[] = [];

  if (evaluation.flag.missingMaterials.length > 0) {
    candidates.push(startOf(addDays(dayOf(facts.firstSubmittedAt), policy.materialsGraceDays)));
  }
  for (const { body } of statuses) candidates.push(startOf(addDays(dayOf(body.asOf), policy.statusMaxAgeDays + 1)));
  for (const request of facts.requests) candidates.push(epochMs(request.dueBy) + JUST_AFTER_MS);

  const conductOnRecord =
    dossier.assetDeclaration?.refusedOrFalse === true || statuses.some((s) => s.body.conduct.length > 0);
  if (conductOnRecord) {
    const days: string[] = [];
    for (const { body } of statuses) {
      for (const c of body.conduct) {
        days.push(c.foundOn);
        if (c.ceasedOn) days.push(c.ceasedOn, addMonths(c.ceasedOn, policy.cooloffMonths));
      }
      for (const p of body.payments) days.push(addMonths(p.paidOn, policy.cooloffMonths));
      days.push(addMonths(dayOf(body.asOf), policy.cooloffMonths));
    }
    for (const day of days) candidates.push(startOf(day));
  }

  const future = candidates.filter((at) => at > nowMs);
  return future.length > 0 ? Math.min(...future) : undefined;
}
