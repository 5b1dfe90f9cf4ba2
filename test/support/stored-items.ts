// Items as the cases and decisions tables hold them, for a handler test to store a state
// (an earlier revision, a crash's leftovers) that no run of the handler has produced yet.
import type {
  EnforcementStatusMessage,
  ReductionDossierMessage,
  RulingMessage,
} from '../../shared/contract/messages.ts';
import type { FulfilmentFlag } from '../../shared/contract/fulfilment-flag.ts';
import { storedRevisionItem } from '../../shared/storage/decision-store.ts';
import { encodeDossier } from '../../shared/storage/stored-dossier.ts';

export function statusItem(message: EnforcementStatusMessage): Record<string, unknown> {
  const { body } = message;
  return {
    pk: `P#${body.personId}`,
    sk: `S#${body.judgmentId}#${body.itemNo}`,
    body,
    version: body.version,
    sentAt: message.sentAt,
    senderId: message.sender.id,
    messageId: message.messageId,
    receivedAt: message.sentAt,
  };
}

export function applicationItem(
  message: ReductionDossierMessage,
  state: Record<string, unknown> = {},
  rulings: readonly RulingMessage[] = [],
): Record<string, unknown> {
  const { body } = message;
  return {
    pk: `P#${body.prisoner.personId}`,
    sk: `A#${body.applicationId}`,
    applicationId: body.applicationId,
    ...encodeDossier(body),
    dossierVersion: body.version,
    hearingCourtId: body.hearingCourtId,
    prisonId: message.sender.id,
    firstSubmittedAt: body.submittedAt,
    rulings: Object.fromEntries(
      rulings.map((r) => [
        r.body.rulingRef,
        { body: r.body, senderId: r.sender.id, messageId: r.messageId, receivedAt: r.sentAt },
      ]),
    ),
    senderId: message.sender.id,
    messageId: message.messageId,
    receivedAt: body.submittedAt,
    ...state,
  };
}

export function revisionItem(flag: FulfilmentFlag, fingerprint: string): Record<string, unknown> {
  return storedRevisionItem({
    applicationId: flag.applicationId,
    revision: flag.revision,
    flag,
    fingerprint,
    trigger: 'test',
    recordedAt: flag.evaluatedAt,
  });
}
