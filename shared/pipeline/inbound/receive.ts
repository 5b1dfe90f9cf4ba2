// One inbound SQS record, from raw text to an accepted message or a rejection:
//   1. the queue's owner (from the record's eventSourceARN and the registry);
//   2. size and JSON;
//   3. who SQS says sent it (SenderId; for a redrive, the original it carries: relayed-sender.ts)
//      against the roles in the registry; the envelope's
//      claims against the owner, and the contract schema of the owner's kind;
//   4. references to other institutions;
//   5. the kind-specific acceptance (store, then ask for re-evaluation), made idempotent on
//      sender.id + messageId by the caller.
// Bad input ends in a rejection and the record is acknowledged; only unexpected errors throw.
import type { SQSRecord } from 'aws-lambda';
import { INBOUND_SCHEMAS, MAX_MESSAGE_BYTES, type InboundMessage } from '../../contract/messages.ts';
import { decodeJson, validate, type Problem } from '../../contract/problems.ts';
import { count, METRIC } from '../../powertools/metrics.ts';
import { SENDING_KINDS, type SendingKind } from '../../resources/registry.ts';
import { serviceInstant } from '../clock.ts';
import type { Dependencies } from '../dependencies.ts';
import { authenticate, queueOwner, referenceProblems } from './authenticate.ts';
import { credentialProblems, ORIGINAL_SENDER_ATTRIBUTE } from './relayed-sender.ts';
import { claimedIdentity, rejectMessage, type ReceivedRecord, type RejectionOutcome } from './reject.ts';

export interface AcceptedOutcome {
  readonly result: 'accepted' | 'stale' | 'waiting';
  /** True when the idempotency store answered: this message was processed before. */
  readonly replayed?: boolean;
}
export type IngestOutcome = AcceptedOutcome | RejectionOutcome;

/** Stores a valid, authenticated message and asks for re-evaluation. */
export type Accept<M extends InboundMessage = InboundMessage> = (
  message: M,
  record: ReceivedRecord,
) => Promise<IngestOutcome>;

/** When the message reached the queue (stable across redeliveries), as a service instant. */
function receivedAtOf(record: SQSRecord, fallback: string): string {
  const sent = Number(record.attributes?.SentTimestamp);
  return Number.isFinite(sent) && sent > 0 ? serviceInstant(sent) : fallback;
}

function queueNameOf(eventSourceArn: string): string {
  return eventSourceArn.split(':').at(-1) ?? eventSourceArn;
}

export async function receiveRecord(
  deps: Dependencies<'quarantine' | 'assessment'>,
  kind: SendingKind,
  sqsRecord: SQSRecord,
  accept: Accept,
): Promise<IngestOutcome> {
  const owner = queueOwner(deps.registry, deps.env.stage, sqsRecord.eventSourceARN);
  if (owner.kind !== kind) {
    throw new Error(`the inbound queue of ${owner.id} (${owner.kind}) is wired to the ${SENDING_KINDS[kind]} function`);
  }
  const record: ReceivedRecord = {
    owner,
    queueName: queueNameOf(sqsRecord.eventSourceARN),
    raw: sqsRecord.body,
    receivedAt: receivedAtOf(sqsRecord, deps.clock()),
  };

  const decoded = decodeJson(record.raw);
  if (!decoded.ok) {
    const oversize = Buffer.byteLength(record.raw, 'utf8') > MAX_MESSAGE_BYTES;
    return rejectMessage(deps, record, { reason: oversize ? 'oversize' : 'invalid-json', problems: decoded.problems });
  }
  const identity = claimedIdentity(decoded.value);

  // The credentials first: a message sent as someone else is a spoof whatever it says.
  // A redrive re-sends as the service's redrive role, naming the original SenderId (relayed-sender.ts).
  const evidence = {
    senderId: sqsRecord.attributes?.SenderId,
    originalSenderId: sqsRecord.messageAttributes?.[ORIGINAL_SENDER_ATTRIBUTE]?.stringValue,
  };
  const credentials = credentialProblems(deps.registry, owner, evidence, {
    redrive: deps.env.redrivePrincipalId,
    consoleSender: deps.env.consoleSenderPrincipalId,
  });
  if (credentials.length > 0) {
    count(METRIC.spoofRejected);
    return rejectMessage(deps, record, { reason: 'sender-mismatch', problems: credentials, ...identity });
  }

  const auth = authenticate(decoded.value, owner);
  const parsed = validate<InboundMessage>(INBOUND_SCHEMAS[SENDING_KINDS[owner.kind]], decoded.value);
  if (auth.problems.length > 0 || !parsed.ok) {
    const claimed = new Set(auth.problems.map((p) => p.path));
    const schemaProblems: Problem[] = parsed.ok ? [] : parsed.problems.filter((p) => !claimed.has(p.path));
    if (auth.spoofed) count(METRIC.spoofRejected);
    return rejectMessage(deps, record, {
      reason: auth.problems.length > 0 ? 'sender-mismatch' : 'schema',
      problems: [...auth.problems, ...schemaProblems],
      ...identity,
    });
  }

  const references = referenceProblems(parsed.value, deps.registry);
  if (references.length > 0) {
    return rejectMessage(deps, record, { reason: 'unknown-institution', problems: references, ...identity });
  }
  return accept(parsed.value, record);
}
