// Refusing a message: its raw text goes to quarantine, a linkage.rejection.v1 goes to the
// institution the queue belongs to (never to the claimed sender, which may be forged), and
// the rejection is counted. The record is then acknowledged: a bad message never retries.
import type { Problem } from '../../contract/problems.ts';
import { MESSAGE_ID_PATTERN } from '../../contract/primitives.ts';
import type { RejectionMessage } from '../../contract/messages.ts';
import { assessRejection } from '../../assessment/record.ts';
import { count, METRIC } from '../../powertools/metrics.ts';
import { logger } from '../../powertools/logger.ts';
import { composeMessageId, sha256Hex } from '../../ids/hashing.ts';
import { sendToInstitution } from '../../queues/outbound.ts';
import { quarantine } from '../../storage/quarantine-store.ts';
import { dateOf } from '../../time/calendar.ts';
import type { Dependencies } from '../dependencies.ts';
import type { SendingInstitution } from './authenticate.ts';

export type RejectionReason =
  'oversize' | 'invalid-json' | 'schema' | 'sender-mismatch' | 'unknown-institution' | 'conflict' | 'not-hearing-court';

/** A rejection lists at most this many problems (the rest are summarised), to stay small. */
export const MAX_REPORTED_PROBLEMS = 100;
/** A claimed schema name longer than this is not echoed back: no contract name comes close. */
const MAX_ECHOED_SCHEMA_LENGTH = 100;
/** Hex digits of the raw text's hash in a quarantine ref: beside a messageId, and alone. */
const DIGEST_WITH_ID = 8;
const DIGEST_ALONE = 24;
/** Problem paths logged per rejection (the rejection itself lists up to MAX_REPORTED_PROBLEMS). */
const LOGGED_PROBLEM_PATHS = 20;

export interface ReceivedRecord {
  readonly owner: SendingInstitution;
  readonly queueName: string;
  readonly raw: string;
  readonly receivedAt: string;
}

export interface RejectionOutcome {
  readonly result: 'rejected';
  readonly reason: RejectionReason;
  readonly quarantineRef: string;
}

function reported(problems: readonly Problem[]): Problem[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return [...problems];
  const rest = problems.length - MAX_REPORTED_PROBLEMS + 1;
  return [...problems.slice(0, MAX_REPORTED_PROBLEMS - 1), { path: '', message: `and ${rest} more problems` }];
}

/** The envelope's messageId and schema when they are readable, for the rejection's body. */
export function claimedIdentity(decoded: unknown): { messageId?: string; schema?: string } {
  if (decoded === null || typeof decoded !== 'object') return {};
  const { messageId, schema } = decoded as Record<string, unknown>;
  return {
    ...(typeof messageId === 'string' && MESSAGE_ID_PATTERN.test(messageId) ? { messageId } : {}),
    ...(typeof schema === 'string' && schema.length <= MAX_ECHOED_SCHEMA_LENGTH ? { schema } : {}),
  };
}

export async function rejectMessage(
  deps: Dependencies<'quarantine' | 'assessment'>,
  record: ReceivedRecord,
  rejection: { reason: RejectionReason; problems: readonly Problem[]; messageId?: string; schema?: string },
): Promise<RejectionOutcome> {
  const digest = sha256Hex(record.raw);
  const token = rejection.messageId
    ? `${rejection.messageId}.${digest.slice(0, DIGEST_WITH_ID)}`
    : digest.slice(0, DIGEST_ALONE);
  const quarantineRef = `quarantine/${dateOf(record.receivedAt)}/${record.owner.id}/${token}`;
  const errors = reported(rejection.problems);

  await quarantine(deps.db, deps.env.tables.quarantine, {
    quarantineRef,
    raw: record.raw,
    problems: errors,
    queue: record.queueName,
    queueOwnerId: record.owner.id,
    receivedAt: record.receivedAt,
    reason: rejection.reason,
    ...(rejection.messageId ? { rejectedMessageId: rejection.messageId } : {}),
  });
  await assessRejection(deps, record.owner.id, quarantineRef, record.receivedAt);

  const service = deps.registry.service.id;
  const message: RejectionMessage = {
    schema: 'linkage.rejection.v1',
    messageId: composeMessageId(`${service}:rejection:`, `${record.owner.id}:${token}`),
    sentAt: deps.clock(),
    sender: { kind: 'SERVICE', id: service },
    body: {
      ...(rejection.messageId ? { rejectedMessageId: rejection.messageId } : {}),
      ...(rejection.schema ? { schema: rejection.schema } : {}),
      errors,
      receivedAt: record.receivedAt,
      quarantineRef,
    },
  };
  await sendToInstitution(deps.sqs, deps.env, record.owner.id, message);

  count(METRIC.rejections, { name: 'reason', value: rejection.reason });
  // Paths only: problem texts may quote the message's values.
  logger.warn('message rejected', {
    queueOwner: record.owner.id,
    rejectedMessageId: rejection.messageId,
    reason: rejection.reason,
    quarantineRef,
    problemPaths: errors.map((p) => p.path).slice(0, LOGGED_PROBLEM_PATHS),
  });
  return { result: 'rejected', reason: rejection.reason, quarantineRef };
}
