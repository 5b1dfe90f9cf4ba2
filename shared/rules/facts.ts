// What the engine decides on: the facts of one application, however they were gathered
// (a case file on the command line, or the pipeline's tables).
import type { EnforcementStatus } from '../contract/enforcement-status.ts';
import type { AnyMessage } from '../contract/messages.ts';
import type { ReductionDossier } from '../contract/reduction-dossier.ts';
import type { Ruling } from '../contract/ruling.ts';
import type { VerificationRequest } from '../contract/verification-request.ts';
import { epochMs } from '../time/calendar.ts';

/** A status as received: the body, plus who sent it and when (for answering requests). */
export interface ReceivedStatus {
  readonly body: EnforcementStatus;
  readonly senderId: string;
  readonly sentAt: string;
  /**
   * When the service stored it (the service's clock), where known. A case file has no such
   * time; the pipeline always knows it.
   */
  readonly receivedAt?: string;
}

export interface CaseFacts {
  /** The newest version of the dossier. */
  readonly dossier: ReductionDossier;
  /** When the first version was submitted: the Art 5 seven days run from here. */
  readonly firstSubmittedAt: string;
  /** Statuses from enforcing courts; any person, any version (the engine scopes them). */
  readonly statuses: readonly ReceivedStatus[];
  readonly rulings: readonly Ruling[];
  /** Verification requests the service sent for this application. */
  readonly requests: readonly VerificationRequest[];
}

/**
 * Gathers the facts of one application from a set of messages. Returns an error text
 * when the messages do not describe exactly one application.
 */
export function factsFromMessages(messages: readonly AnyMessage[]): CaseFacts | string {
  const dossiers = messages.flatMap((m) => (m.schema === 'linkage.reduction-dossier.v1' ? [m.body] : []));
  if (dossiers.length === 0) return 'a case needs a linkage.reduction-dossier.v1 message';
  const applicationId = dossiers[0]!.applicationId;
  if (dossiers.some((d) => d.applicationId !== applicationId)) {
    return 'all dossiers in a case must be for one applicationId';
  }
  // Same version twice (a hand-made case): decide by content, never by message order.
  const byContent = (a: ReductionDossier, b: ReductionDossier) => JSON.stringify(a) < JSON.stringify(b);
  const newest = dossiers.reduce((a, b) =>
    b.version > a.version || (b.version === a.version && byContent(a, b)) ? b : a,
  );
  const statuses: ReceivedStatus[] = [];
  const rulings: Ruling[] = [];
  const requests: VerificationRequest[] = [];
  for (const message of messages) {
    if (message.schema === 'linkage.enforcement-status.v1') {
      statuses.push({ body: message.body, senderId: message.sender.id, sentAt: message.sentAt });
    } else if (message.schema === 'linkage.ruling.v1' && message.body.applicationId === applicationId) {
      rulings.push(message.body);
    } else if (message.schema === 'linkage.verification-request.v1' && message.body.applicationId === applicationId) {
      requests.push(message.body);
    }
  }
  return {
    dossier: newest,
    firstSubmittedAt: earliestInstant(dossiers.map((d) => d.submittedAt)),
    statuses,
    rulings,
    requests,
  };
}

/** The earliest submission: the first version's, even when a later one arrived first. */
function earliestInstant(instants: readonly string[]): string {
  return instants.reduce((a, b) => (epochMs(b) < epochMs(a) || (epochMs(b) === epochMs(a) && b < a) ? b : a));
}
