// Whether the enforcing courts' word is there and current (contract semantics 6; Art 13(2)):
// missing and stale statuses, the verification requests they call for, and overdue replies.
import type { VerificationReason } from '../contract/verification-request.ts';
import { daysBetween, epochMs } from '../time/calendar.ts';
import type { EvaluationContext } from './context.ts';
import type { ReceivedStatus } from './facts.ts';
import { finding, listing, type Finding } from './finding.ts';
import type { AssessedItem } from './items.ts';

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

/**
 * A status answers a request when it says so (`inReplyTo`), or is about the judgment and newer
 * than the request: sent, or true as of, at or after `requestedAt`. Those dates are the court's
 * claims; a status the service had already received when it asked cannot be the reply, whatever
 * it claims (a court clock ahead of ours, a snapshot dated later the same day), so where the
 * service's receipt time is known (on the service's clock, like `requestedAt`), one received at
 * or before the request never answers it. Without that, such a status "answered" each new
 * request at once and every evaluation asked again (issue 9).
 */
export function answers(
  status: ReceivedStatus,
  request: { requestId: string; judgmentId: string; requestedAt: string },
): boolean {
  if (status.body.inReplyTo === request.requestId) return true;
  if (status.body.judgmentId !== request.judgmentId) return false;
  const requestedMs = epochMs(request.requestedAt);
  if (status.receivedAt !== undefined && epochMs(status.receivedAt) <= requestedMs) return false;
  return Math.max(epochMs(status.sentAt), epochMs(status.body.asOf)) >= requestedMs;
}

/** PP-COURT-OVERDUE: a request past its due time that no status has answered. */
function overdueReplies(ctx: EvaluationContext): Finding[] {
  const personId = ctx.facts.dossier.prisoner.personId;
  const ours = ctx.facts.statuses.filter((s) => s.body.personId === personId);
  const overdue = [...ctx.facts.requests]
    .sort((a, b) => a.requestId.localeCompare(b.requestId))
    .filter((r) => ctx.nowMs > epochMs(r.dueBy) && !ours.some((s) => answers(s, r)));
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
