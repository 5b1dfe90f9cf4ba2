// Who sent a message, when the service's own redrive role re-sent it from a dead-letter
// queue. A redrive re-sends the message, so SQS reports the redrive role as its SenderId; the
// role passes the SenderId SQS kept on the dead-lettered copy in a message attribute. That
// attribute is believed only on a message SQS says the redrive role sent (SenderId is set by
// SQS from the caller's credentials, never by the message): from anyone else it is ignored
// and the SenderId itself is checked. docs/operations.md has the whole trust argument.
import type { Problem } from '../../contract/problems.ts';
import type { Registry } from '../../resources/registry.ts';
import { senderIdProblems, type SendingInstitution } from './authenticate.ts';

/** The message attribute a redrive puts the original SenderId in. */
export const ORIGINAL_SENDER_ATTRIBUTE = 'linkage.original-sender-id';

export interface SenderEvidence {
  /** The SenderId SQS reports for this delivery. */
  readonly senderId?: string | undefined;
  /** The ORIGINAL_SENDER_ATTRIBUTE message attribute, if the message has one. */
  readonly originalSenderId?: string | undefined;
}

/** `AROA…:session` → `AROA…`: the principal without the session name. */
export function principalOf(senderId: string): string {
  return senderId.split(':')[0] ?? senderId;
}

/** Whether SQS says this message was sent by the redrive role (never from the message's own claims). */
export function isRelayed(evidence: SenderEvidence, redrivePrincipalId: string | undefined): boolean {
  return (
    redrivePrincipalId !== undefined &&
    evidence.senderId !== undefined &&
    principalOf(evidence.senderId) === redrivePrincipalId
  );
}

/** The service's own principals the ingest knows (their unique ids; absent in local mode). */
export interface ServicePrincipals {
  readonly redrive?: string | undefined;
  readonly consoleSender?: string | undefined;
}

/**
 * The credential problems of one delivery. Sent by the console-sender role: none (the console
 * API sends only on the signed-in user's own institution's queue, from a verified token; the
 * envelope is still checked against the queue's owner). Sent by anyone but the redrive role: the SenderId
 * against the registry (senderIdProblems), any attribute ignored. Sent by the redrive role:
 * the original SenderId it names must be there, must not be the redrive role again, and
 * passes the same registry check the original delivery had to pass.
 */
export function credentialProblems(
  registry: Registry,
  owner: SendingInstitution,
  evidence: SenderEvidence,
  service: ServicePrincipals,
): Problem[] {
  const redrivePrincipalId = service.redrive;
  if (service.consoleSender && evidence.senderId && principalOf(evidence.senderId) === service.consoleSender) return [];
  if (!isRelayed(evidence, redrivePrincipalId)) return senderIdProblems(registry, owner, evidence.senderId);
  const original = evidence.originalSenderId?.trim();
  const relayed = `was re-sent by the service's redrive role`;
  if (!original)
    return [{ path: 'sender', message: `${relayed} without the original SenderId (${ORIGINAL_SENDER_ATTRIBUTE})` }];
  if (principalOf(original) === redrivePrincipalId)
    return [{ path: 'sender', message: `${relayed} naming the redrive role itself as the original sender` }];
  return senderIdProblems(registry, owner, original).map((p) => ({
    ...p,
    message: `${p.message}; ${relayed}, this is the original SenderId it names`,
  }));
}
