// SQS queues: names and attributes, defined once for the CDK stateful stack and for the
// local mode's provisioning.
//   linkage-<stage>-in-<institutionId>      standard; one per sending institution
//   linkage-<stage>-out-<institutionId>     standard; one per institution, read only by it
//   linkage-<stage>-evaluate.fifo           internal; re-evaluation requests grouped by prisoner
// Each has a dead-letter queue named <name>-dlq (FIFO: <name>-dlq.fifo).

import { FUNCTION_TIMEOUT_SECONDS } from './functions.ts';
import { isSender, type Registry } from './registry.ts';

/** AWS's advice: a queue's visibility timeout at least six times its consumer's timeout. */
export const VISIBILITY_FACTOR = 6;
export const MAX_RECEIVE_COUNT = 4;
/** What an institution's own systems take to process one outbound message, in seconds. */
export const OUTBOUND_PROCESSING_SECONDS = 30;
/** SQS's maximum message retention, 14 days; dead-letter queues always get it. */
export const MAX_RETENTION_SECONDS = 14 * 24 * 3600;
export const RETENTION_SECONDS = MAX_RETENTION_SECONDS;

export type QueueRole = 'inbound' | 'outbound' | 'evaluate';

export interface QueueDefinition {
  readonly role: QueueRole;
  readonly name: string;
  readonly dlqName: string;
  readonly fifo: boolean;
  readonly visibilityTimeoutSeconds: number;
  readonly retentionSeconds: number;
  readonly maxReceiveCount: number;
  /** The institution the queue belongs to (inbound and outbound queues). */
  readonly institutionId?: string;
}

function definition(
  role: QueueRole,
  base: string,
  fifo: boolean,
  consumerTimeout: number,
  institutionId?: string,
): QueueDefinition {
  const suffix = fifo ? '.fifo' : '';
  return {
    role,
    name: `${base}${suffix}`,
    dlqName: `${base}-dlq${suffix}`,
    fifo,
    visibilityTimeoutSeconds: consumerTimeout * VISIBILITY_FACTOR,
    retentionSeconds: RETENTION_SECONDS,
    maxReceiveCount: MAX_RECEIVE_COUNT,
    ...(institutionId ? { institutionId } : {}),
  };
}

export function inboundQueue(stage: string, institutionId: string): QueueDefinition {
  return definition(
    'inbound',
    `linkage-${stage}-in-${institutionId}`,
    false,
    FUNCTION_TIMEOUT_SECONDS.ingest,
    institutionId,
  );
}

/** Outbound queues are read by the institution's own systems: their processing window is the visibility timeout. */
export function outboundQueue(stage: string, institutionId: string): QueueDefinition {
  return definition(
    'outbound',
    `linkage-${stage}-out-${institutionId}`,
    false,
    OUTBOUND_PROCESSING_SECONDS / VISIBILITY_FACTOR,
    institutionId,
  );
}

export function evaluateQueue(stage: string): QueueDefinition {
  return definition('evaluate', `linkage-${stage}-evaluate`, true, FUNCTION_TIMEOUT_SECONDS.evaluate);
}

/** The institution an inbound queue belongs to, from its name or ARN; undefined if not inbound. */
export function institutionOfInboundQueue(stage: string, nameOrArn: string): string | undefined {
  const name = nameOrArn.split(/[:/]/).at(-1) ?? '';
  const prefix = `linkage-${stage}-in-`;
  return name.startsWith(prefix) && !name.endsWith('-dlq') ? name.slice(prefix.length) : undefined;
}

/** Every queue of a stage: one inbound per sender, one outbound per institution (all receive), the evaluate queue. */
export function serviceQueues(stage: string, registry: Registry): QueueDefinition[] {
  return [
    ...registry.institutions.filter(isSender).map((inst) => inboundQueue(stage, inst.id)),
    ...registry.institutions.map((inst) => outboundQueue(stage, inst.id)),
    evaluateQueue(stage),
  ];
}
