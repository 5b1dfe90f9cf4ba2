// Who a redriven inbound message was sent by. A redrive re-sends the message, so SQS records
// the redriving principal as the copy's SenderId; the ingest accepts such a copy only from
// the service's redrive role and only with the original SenderId in a message attribute
// (shared/pipeline/inbound/relayed-sender.ts). This side reads the original from what SQS
// kept on the dead-lettered message (its SenderId system attribute; for a copy this role
// re-sent before, the attribute it put there), checks it against the registry as the ingest
// will, and refuses what the ingest would reject: such a message stays in the DLQ.
import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import { queueOwner, senderIdProblems } from '../pipeline/inbound/authenticate.ts';
import { ORIGINAL_SENDER_ATTRIBUTE, principalOf } from '../pipeline/inbound/relayed-sender.ts';
import type { QueueDefinition } from '../resources/queues.ts';
import type { Registry } from '../resources/registry.ts';

/** Who the redriving access sends as (on AWS); absent locally, where there is no IAM. */
export interface SenderIdentity {
  /** The principal's unique id (AROA… for a role), as SQS will report it. */
  readonly principalId: string;
  /** Whether that is the service's redrive role, the one principal the ingest believes. */
  readonly redriveRole: boolean;
}

export type Vouched =
  | { readonly ok: true; readonly attributes?: Record<string, MessageAttributeValue> }
  | { readonly ok: false; readonly reason: string };

/**
 * What a copy of `message` must carry to be accepted as its original sender's, or why it
 * would be rejected. Only inbound queues are checked: the other queues have no sender check.
 */
export function vouchFor(
  registry: Registry,
  stage: string,
  queue: QueueDefinition,
  message: Message,
  me: SenderIdentity | undefined,
): Vouched {
  if (queue.role !== 'inbound') return { ok: true };
  const owner = queueOwner(registry, stage, queue.name);
  const senderId = message.Attributes?.SenderId;
  // A copy this role re-sent before and that failed again: SQS reports the role; the original is
  // the attribute the role put there itself (no one else's attribute is ever carried over).
  const relayedBefore = me?.redriveRole === true && senderId !== undefined && principalOf(senderId) === me.principalId;
  const original = relayedBefore ? message.MessageAttributes?.[ORIGINAL_SENDER_ATTRIBUTE]?.StringValue : senderId;
  if (!original)
    return owner.rolePrincipalId
      ? { ok: false, reason: `SQS reports no original SenderId for it, and ${owner.id} registered its role` }
      : { ok: true };
  const problems = senderIdProblems(registry, owner, original);
  if (problems.length > 0)
    return { ok: false, reason: `its original SenderId ${principalOf(original)} ${problems[0]!.message}` };
  if (owner.rolePrincipalId && me && !me.redriveRole)
    return {
      ok: false,
      reason: `${owner.id} registered its role: only the service's redrive role may re-send its messages (docs/operations.md)`,
    };
  return { ok: true, attributes: { [ORIGINAL_SENDER_ATTRIBUTE]: { DataType: 'String', StringValue: original } } };
}
