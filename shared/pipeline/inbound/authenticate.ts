// Who may send what. An inbound queue belongs to one institution (its name says which, and
// only that institution's account may write to it); the envelope must name that institution
// as sender, with its kind, and carry the schema that kind sends. References to other
// institutions must be in the registry.
import type { Problem } from '../../contract/problems.ts';
import type { InboundMessage } from '../../contract/messages.ts';
import { institutionOfInboundQueue } from '../../resources/queues.ts';
import {
  SENDING_KINDS,
  findInstitution,
  isSender,
  type Institution,
  type Registry,
  type SendingKind,
} from '../../resources/registry.ts';
import { institutionOfKind } from '../registry.ts';

export type SendingInstitution = Institution & { kind: SendingKind };

/**
 * The institution whose inbound queue a record came from. A queue that is not an inbound
 * queue of a registered sender is a wiring mistake, not a bad message: it throws.
 */
export function queueOwner(registry: Registry, stage: string, eventSourceArn: string): SendingInstitution {
  const id = institutionOfInboundQueue(stage, eventSourceArn);
  if (!id) throw new Error(`${eventSourceArn} is not an inbound queue of stage ${stage}`);
  const institution = findInstitution(registry, id);
  if (!institution || !isSender(institution))
    throw new Error(`inbound queue ${eventSourceArn} belongs to no sending institution in the registry`);
  return institution;
}

export interface AuthenticationResult {
  readonly problems: readonly Problem[];
  /** The envelope claims to come from someone other than the queue's owner. */
  readonly spoofed: boolean;
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Compares the envelope's claims with the queue's owner (before, and apart from, the schema). */
export function authenticate(decoded: unknown, owner: SendingInstitution): AuthenticationResult {
  const problems: Problem[] = [];
  const senderId = field(decoded, 'sender', 'id');
  const senderKind = field(decoded, 'sender', 'kind');
  const schema = field(decoded, 'schema');
  const whose = `this queue belongs to ${owner.id} (${owner.kind})`;
  if (typeof senderId === 'string' && senderId !== owner.id) {
    problems.push({ path: 'sender.id', message: `must be ${owner.id}: ${whose}` });
  }
  if (typeof senderKind === 'string' && senderKind !== owner.kind) {
    problems.push({ path: 'sender.kind', message: `must be ${owner.kind}: ${whose}` });
  }
  if (typeof schema === 'string' && schema !== SENDING_KINDS[owner.kind]) {
    problems.push({ path: 'schema', message: `must be ${SENDING_KINDS[owner.kind]}: ${whose}` });
  }
  const spoofed = problems.some((p) => p.path.startsWith('sender.'));
  return { problems, spoofed };
}

/**
 * Who SQS says sent the message (the `SenderId` system attribute: `AROA…:<session>` for a
 * role), against the roles registered per institution. SQS sets it from the caller's
 * credentials, so unlike the envelope it cannot be forged. It proves nothing when it names
 * no registered role and the owner registered none (local mode, or a registry without
 * role ids): then the queue policy alone decides.
 */
export function senderIdProblems(
  registry: Registry,
  owner: SendingInstitution,
  senderId: string | undefined,
): Problem[] {
  if (!senderId) return [];
  const principal = senderId.split(':')[0];
  const registered = registry.institutions.find((inst) => inst.rolePrincipalId === principal);
  const whose = `this queue belongs to ${owner.id}`;
  if (registered && registered.id !== owner.id)
    return [{ path: 'sender', message: `was sent with the credentials of another institution's role: ${whose}` }];
  if (owner.rolePrincipalId && principal !== owner.rolePrincipalId)
    return [{ path: 'sender', message: `was not sent by the role registered for ${owner.id} (SQS SenderId)` }];
  return [];
}

/** Institutions a message names besides its sender must be registered, with the right kind. */
export function referenceProblems(message: InboundMessage, registry: Registry): Problem[] {
  if (message.schema !== 'linkage.reduction-dossier.v1') return [];
  const problems: Problem[] = [];
  const { body } = message;
  if (!institutionOfKind(registry, body.hearingCourtId, 'HEARING_COURT')) {
    problems.push({
      path: 'body.hearingCourtId',
      message: `${body.hearingCourtId} is not a hearing court in the institutions registry`,
    });
  }
  body.judgments.forEach((judgment, index) => {
    if (!institutionOfKind(registry, judgment.enforcingCourtId, 'ENFORCING_COURT')) {
      problems.push({
        path: `body.judgments.${index}.enforcingCourtId`,
        message: `${judgment.enforcingCourtId} is not an enforcing court in the institutions registry`,
      });
    }
  });
  return problems;
}
