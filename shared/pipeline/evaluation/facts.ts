// The engine's view of one application, from what the prisoner's partition holds.
import type { CaseFacts, ReceivedStatus } from '../../rules/facts.ts';
import type { PrisonerRecord } from '../../storage/prisoner-store.ts';
import type { StoredApplication, StoredRequest } from '../../storage/records.ts';

export function receivedStatuses(prisoner: PrisonerRecord): ReceivedStatus[] {
  return prisoner.statuses.map((s) => ({
    body: s.body,
    senderId: s.senderId,
    sentAt: s.sentAt,
    receivedAt: s.receivedAt,
  }));
}

export function requestsOf(prisoner: PrisonerRecord, applicationId: string): StoredRequest[] {
  return prisoner.requests.filter((r) => r.body.applicationId === applicationId);
}

export function factsOf(prisoner: PrisonerRecord, application: StoredApplication): CaseFacts {
  return {
    dossier: application.dossier,
    firstSubmittedAt: application.firstSubmittedAt,
    statuses: receivedStatuses(prisoner),
    rulings: Object.values(application.rulings).map((r) => r.body),
    requests: requestsOf(prisoner, application.applicationId).map((r) => r.body),
  };
}
