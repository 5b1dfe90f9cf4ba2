// Shared endings of an acceptance: acknowledge a stale or duplicate message, or ask the
// evaluate function to look at the prisoner again.
import type { InboundMessage } from '../../contract/messages.ts';
import { logger } from '../../powertools/logger.ts';
import { count, METRIC } from '../../powertools/metrics.ts';
import { enqueueEvaluation } from '../../queues/evaluation-requests.ts';
import type { Dependencies } from '../dependencies.ts';
import type { AcceptedOutcome } from './receive.ts';

export type IngestDependencies = Dependencies<'cases' | 'quarantine' | 'assessment'>;

/** What caused a re-evaluation, as it appears in logs and decision records: never personal. */
export function triggerOf(message: InboundMessage): string {
  return `${message.schema}:${message.sender.id}:${message.messageId}`;
}

/** An equal or older version, or a duplicate: acknowledged without effect, never retried. */
export function acknowledgeStale(message: InboundMessage): AcceptedOutcome {
  count(METRIC.staleOrDuplicate, { name: 'cause', value: 'version' });
  logger.info('stale or duplicate version acknowledged', {
    schema: message.schema,
    sender: message.sender.id,
    messageId: message.messageId,
  });
  return { result: 'stale' };
}

/** Asks for a re-evaluation of the prisoner (all applications, or the ones named). */
export async function requestEvaluation(
  deps: IngestDependencies,
  message: InboundMessage,
  personId: string,
  applicationIds?: readonly string[],
): Promise<AcceptedOutcome> {
  const trigger = triggerOf(message);
  await enqueueEvaluation(deps.sqs, deps.env, {
    request: { personId, trigger, ...(applicationIds ? { applicationIds: [...applicationIds] } : {}) },
    deduplicationKey: trigger,
  });
  logger.info('message accepted', { schema: message.schema, sender: message.sender.id, messageId: message.messageId });
  return { result: 'accepted' };
}
