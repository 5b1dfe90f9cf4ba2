// The engine's notion of a verification request (核实函, Art 13(2)): answered, still open,
// or overdue. The pipeline asks these questions of the engine instead of keeping its own
// clock, so the deadline sweep and the flag can never disagree about a reply period.
import type { VerificationRequest } from '../contract/verification-request.ts';
import { epochMs } from '../time/calendar.ts';
import type { ReceivedStatus } from './facts.ts';
import { overdueFrom } from './periods.ts';

export type RequestState = 'ANSWERED' | 'OPEN' | 'OVERDUE';

type RequestRef = Pick<VerificationRequest, 'requestId' | 'judgmentId' | 'requestedAt'>;

/**
 * A status answers a request when it says so (`inReplyTo`), or is about the judgment and newer
 * than the request: sent, or true as of, at or after `requestedAt`. Those dates are the court's
 * claims; a status the service had already received when it asked cannot be the reply, whatever
 * it claims (a court clock ahead of ours, a snapshot dated later the same day), so where the
 * service's receipt time is known (on the service's clock, like `requestedAt`), one received at
 * or before the request never answers it. Without that, such a status "answered" each new
 * request at once and every evaluation asked again (issue 9).
 */
export function answers(status: ReceivedStatus, request: RequestRef): boolean {
  if (status.body.inReplyTo === request.requestId) return true;
  if (status.body.judgmentId !== request.judgmentId) return false;
  const requestedMs = epochMs(request.requestedAt);
  if (status.receivedAt !== undefined && epochMs(status.receivedAt) <= requestedMs) return false;
  return Math.max(epochMs(status.sentAt), epochMs(status.body.asOf)) >= requestedMs;
}

/** Where a request stands at `nowMs`, given the prisoner's statuses (already in scope). */
export function requestState(
  request: RequestRef & Pick<VerificationRequest, 'dueBy'>,
  statuses: readonly ReceivedStatus[],
  nowMs: number,
): RequestState {
  if (statuses.some((s) => answers(s, request))) return 'ANSWERED';
  return nowMs >= overdueFrom(request.dueBy) ? 'OVERDUE' : 'OPEN';
}

/** Statuses about the application's prisoner: only these can answer its requests. */
export function statusesOfPrisoner(statuses: readonly ReceivedStatus[], personId: string): ReceivedStatus[] {
  return statuses.filter((s) => s.body.personId === personId);
}

/** Whether a request for this judgment and reason is still open: then no second one is sent. */
export function hasOpenRequest(
  need: Pick<VerificationRequest, 'judgmentId' | 'reason'>,
  requests: readonly VerificationRequest[],
  statuses: readonly ReceivedStatus[],
  nowMs: number,
): boolean {
  return requests.some(
    (r) => r.judgmentId === need.judgmentId && r.reason === need.reason && requestState(r, statuses, nowMs) === 'OPEN',
  );
}
