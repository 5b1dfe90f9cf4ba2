// A verification request as the console shows it: answered once the court sent a status for
// its items in reply or dated after the request; overdue when unanswered past its due time.
import type { Registry } from '../../shared/resources/registry.ts';
import { findInstitution } from '../../shared/resources/registry.ts';
import type { StoredStatus } from '../../shared/storage/records.ts';
import type { VerificationRequest } from '../../shared/contract/verification-request.ts';
import type { RequestView } from '../schemas.ts';

export function institutionRefOf(registry: Registry, id: string): { id: string; name: string; nameZh: string } {
  if (id === registry.service.id) return { id, name: 'Linkage service operations', nameZh: '联动平台运维' };
  const institution = findInstitution(registry, id);
  return { id, name: institution?.name ?? id, nameZh: institution?.nameZh ?? id };
}

export function isAnswered(request: VerificationRequest, statuses: readonly StoredStatus[]): boolean {
  const requestedAt = Date.parse(request.requestedAt);
  return statuses.some(
    (s) =>
      s.body.judgmentId === request.judgmentId &&
      (!request.itemNos || request.itemNos.includes(s.body.itemNo)) &&
      (s.body.inReplyTo === request.requestId || Date.parse(s.body.asOf) >= requestedAt),
  );
}

export function requestViewOf(
  request: VerificationRequest,
  enforcingCourtId: string,
  statuses: readonly StoredStatus[],
  registry: Registry,
  nowMs: number,
): RequestView {
  const answered = isAnswered(request, statuses);
  return {
    requestId: request.requestId,
    applicationId: request.applicationId,
    judgmentId: request.judgmentId,
    itemNos: request.itemNos ? [...request.itemNos] : null,
    reason: request.reason,
    requestedAt: request.requestedAt,
    dueBy: request.dueBy,
    enforcingCourt: institutionRefOf(registry, enforcingCourtId),
    answered,
    overdue: !answered && Date.parse(request.dueBy) < nowMs,
  };
}
