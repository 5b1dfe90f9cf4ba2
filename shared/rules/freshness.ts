// Whether the enforcing courts' word is there and current (contract semantics 6; Art 13(2)):
// missing and stale statuses, the verification requests they call for, and overdue replies.
import type { VerificationReason } from '../contract/verification-request.ts';
import { daysBetween } from '../time/calendar.ts';
import type { EvaluationContext } from './context.ts';
import { finding, listing, type Finding } from './finding.ts';
import type { AssessedItem } from './items.ts';
import { requestState, statusesOfPrisoner } from './requests.ts';

/** A verification request the service should send (unless one is already open). */
export interface VerificationNeed {
  readonly enforcingCourtId: string;
  readonly judgmentId: string;
  readonly itemNos: readonly number[];
  readonly reason: VerificationReason;
}

export interface FreshnessAssessment {
  readonly findings: readonly Finding[];
  readonly needs: readonly VerificationNeed[];
}

export function assessFreshness(ctx: EvaluationContext, items: readonly AssessedItem[]): FreshnessAssessment {
  const missing = items.filter((i) => i.state === 'UNKNOWN');
  const stale = items.filter(
    (i) =>
      (i.state === 'UNSATISFIED' || i.state === 'NOT_AFFECTING') &&
      i.status !== undefined &&
      daysBetween(ctx.dayOf(i.status.body.asOf), ctx.today) > ctx.policy.statusMaxAgeDays,
  );
  const undocumented = items.filter((i) => i.state === 'UNSATISFIED' && i.status?.body.documents.length === 0);

  const findings: Finding[] = [];
  if (missing.length > 0) {
    const named = missing.map((i) => `${i.key} (${i.enforcingCourtId})`);
    findings.push(
      finding(
        'PP-STATUS-MISSING',
        `No status from the enforcing court for ${listing(named)}; a verification request is sent.`,
        missing.map((i) => i.key),
      ),
    );
  }
  if (stale.length > 0) {
    const named = stale.map((i) => `${i.key} as of ${i.status!.body.asOf.slice(0, 10)}`);
    findings.push(
      finding(
        'PP-STATUS-STALE',
        `Newest status is older than ${ctx.policy.statusMaxAgeDays} days for ${listing(named)}; a verification request is sent.`,
        stale.map((i) => i.key),
      ),
    );
  }
  findings.push(...overdueReplies(ctx));

  const needs = [
    ...groupNeeds(missing, 'STATUS_MISSING'),
    ...groupNeeds(stale, 'STATUS_STALE'),
    ...groupNeeds(undocumented, 'MATERIALS_MISSING'),
  ];
  return { findings, needs };
}

function groupNeeds(items: readonly AssessedItem[], reason: VerificationReason): VerificationNeed[] {
  if (items.length === 0) return [];
  const byJudgment = new Map<string, { court: string; itemNos: number[] }>();
  for (const item of items) {
    if (!item.enforcingCourtId) continue;
    const key = `${item.enforcingCourtId}\u0000${item.judgmentId}`;
    const entry = byJudgment.get(key) ?? { court: item.enforcingCourtId, itemNos: [] };
    entry.itemNos.push(item.itemNo);
    byJudgment.set(key, entry);
  }
  return [...byJudgment].map(([key, { court, itemNos }]) => ({
    enforcingCourtId: court,
    judgmentId: key.slice(key.indexOf('\u0000') + 1),
    itemNos,
    reason,
  }));
}

/** PP-COURT-OVERDUE: a request past its due time that no status has answered. */
function overdueReplies(ctx: EvaluationContext): Finding[] {
  if (ctx.facts.requests.length === 0) return [];
  const ours = statusesOfPrisoner(ctx.facts.statuses, ctx.facts.dossier.prisoner.personId);
  const overdue = [...ctx.facts.requests]
    .sort((a, b) => a.requestId.localeCompare(b.requestId))
    .filter((r) => requestState(r, ours, ctx.nowMs) === 'OVERDUE');
  if (overdue.length === 0) return [];
  const named = overdue.map((r) => `${r.requestId} on ${r.judgmentId}, due ${r.dueBy}`);
  const items = overdue.flatMap((r) => (r.itemNos ?? []).map((n) => `${r.judgmentId}#${n}`));
  return [
    finding(
      'PP-COURT-OVERDUE',
      `The enforcing court has not answered within the ${ctx.policy.courtReplyDays} days of Art 13(2): ${listing(named)}.`,
      items,
    ),
  ];
}
