// The "once" invariants of the fault run about what was disclosed: verification requests
// (核实函) and access records. In the fault run's workload no status answers a request (every
// status is dated before any request), so each need (application, judgment, reason) is asked
// about at most once: a second request, unlike a second copy of one, is a second effect that
// the court cannot de-duplicate. Every request received was stored first and every stored
// request marked sent was received; every message an institution got has its access record.
import { isDeepStrictEqual } from 'node:util';
import type { VerificationRequestMessage } from '../../../shared/contract/messages.ts';
import type { VerificationRequest } from '../../../shared/contract/verification-request.ts';
import type { RunOutcome } from './invariants.ts';

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const same = (a: unknown, b: unknown) => isDeepStrictEqual(plain(a), plain(b));

/** Returns how many sent requests never arrived (lost); names every broken invariant. */
export function checkDisclosures(
  outcome: RunOutcome,
  requests: ReadonlyMap<string, readonly VerificationRequestMessage[]>,
  violate: (name: string, detail: string) => void,
): number {
  let lost = 0;
  const storedRequests = outcome.cases.filter((item) => String(item.sk).startsWith('V#'));
  const perNeed = new Map<string, Set<string>>();
  for (const item of storedRequests) {
    const body = item.body as VerificationRequest;
    const need = `${body.applicationId}|${body.judgmentId}|${body.reason}`;
    perNeed.set(need, (perNeed.get(need) ?? new Set()).add(body.requestId));
    const copies = requests.get(body.requestId) ?? [];
    if (item.sent === true && copies.length === 0) {
      lost += 1;
      violate('once: request marked sent, never received', body.requestId);
    }
    if (copies.some((m) => !same(m.body, body) || m.messageId !== item.messageId))
      violate('once: request copy differs', body.requestId);
  }
  for (const [need, ids] of perNeed)
    if (ids.size > 1)
      violate('once: duplicate verification request', `${need.split('|')[0]} asked ${ids.size} times for one need`);
  const storedIds = new Set(storedRequests.map((item) => (item.body as VerificationRequest).requestId));
  for (const requestId of requests.keys())
    if (!storedIds.has(requestId)) violate('once: request sent without being stored', requestId);

  // once: an access record precedes every disclosure.
  const accessIds = new Map<string, Set<string>>();
  for (const item of outcome.access) {
    const institutionId = String(item.institutionId);
    accessIds.set(institutionId, (accessIds.get(institutionId) ?? new Set()).add(String(item.messageId)));
  }
  for (const [institutionId, messages] of outcome.outbound) {
    for (const { message } of messages) {
      if (message.schema === 'linkage.rejection.v1') continue;
      if (!accessIds.get(institutionId)?.has(message.messageId))
        violate('once: disclosure without access record', `${institutionId} ${message.messageId}`);
    }
  }

  return lost;
}
