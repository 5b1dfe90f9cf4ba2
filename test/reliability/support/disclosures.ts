// The "once" invariants of the fault run about what was disclosed: verification requests
// (核实函) and access records. A need (application, judgment, reason) is asked about again
// only once the earlier request stopped being open by the engine's own rules (answered or
// overdue, rules/requests.ts): a second request while one is open, unlike a second copy of
// one, is a second effect that the court cannot de-duplicate. (A status whose court clock
// runs ahead, received after a request, answers it; if the need remains, asking again is
// right. Seed 113541232 produced that.) Every request received was stored first and every
// stored request marked sent was received; every message an institution got has its access
// record.
import { isDeepStrictEqual } from 'node:util';
import type { VerificationRequestMessage } from '../../../shared/contract/messages.ts';
import type { VerificationRequest } from '../../../shared/contract/verification-request.ts';
import type { ReceivedStatus } from '../../../shared/rules/facts.ts';
import { requestState } from '../../../shared/rules/requests.ts';
import { recipientsOfAccess } from '../../../shared/storage/access-store.ts';
import { personIdOfPk } from '../../../shared/storage/keys.ts';
import { epochMs } from '../../../shared/time/calendar.ts';
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
  const perNeed = new Map<string, Map<string, VerificationRequest>>();
  const personOf = new Map<string, string>();
  for (const item of storedRequests) {
    const body = item.body as VerificationRequest;
    const need = `${body.applicationId}|${body.judgmentId}|${body.reason}`;
    perNeed.set(need, (perNeed.get(need) ?? new Map()).set(body.requestId, body));
    personOf.set(need, personIdOfPk(String(item.pk)));
    const copies = requests.get(body.requestId) ?? [];
    if (item.sent === true && copies.length === 0) {
      lost += 1;
      violate('once: request marked sent, never received', body.requestId);
    }
    if (copies.some((m) => !same(m.body, body) || m.messageId !== item.messageId))
      violate('once: request copy differs', body.requestId);
  }
  for (const [need, bodies] of perNeed) {
    if (bodies.size < 2) continue;
    const inOrder = [...bodies.values()].sort((a, b) => epochMs(a.requestedAt) - epochMs(b.requestedAt));
    const personId = personOf.get(need)!;
    const statuses = receivedStatuses(outcome, personId);
    const askedWhileOpen = inOrder.some((later, i) =>
      inOrder.slice(0, i).some((earlier) => requestState(earlier, statuses, epochMs(later.requestedAt)) === 'OPEN'),
    );
    if (askedWhileOpen)
      violate(
        'once: duplicate verification request',
        `${need.split('|')[0]} asked ${bodies.size} times for one need, once while a request was open`,
      );
  }
  const storedIds = new Set(storedRequests.map((item) => (item.body as VerificationRequest).requestId));
  for (const requestId of requests.keys())
    if (!storedIds.has(requestId)) violate('once: request sent without being stored', requestId);

  // once: an access record precedes every disclosure.
  const accessIds = new Map<string, Set<string>>();
  for (const item of outcome.access)
    for (const institutionId of recipientsOfAccess(item))
      accessIds.set(institutionId, (accessIds.get(institutionId) ?? new Set()).add(String(item.messageId)));
  for (const [institutionId, messages] of outcome.outbound) {
    for (const { message } of messages) {
      if (message.schema === 'linkage.rejection.v1') continue;
      if (!accessIds.get(institutionId)?.has(message.messageId))
        violate('once: disclosure without access record', `${institutionId} ${message.messageId}`);
    }
  }

  return lost;
}

/** The prisoner's statuses as the service holds them, with their receipt times. */
function receivedStatuses(outcome: RunOutcome, personId: string): ReceivedStatus[] {
  return outcome.cases
    .filter((item) => String(item.sk).startsWith('S#') && personIdOfPk(String(item.pk)) === personId)
    .map((item) => ({
      body: item.body as ReceivedStatus['body'],
      senderId: String(item.senderId),
      sentAt: String(item.sentAt),
      receivedAt: String(item.receivedAt),
    }));
}
