// The functions local mode runs and what triggers each: the same handler modules, queues,
// batch settings and timeouts as the deployed stack.
import {
  FUNCTION_TIMEOUT_SECONDS,
  evaluateQueue,
  inboundQueue,
  type QueueDefinition,
} from '../shared/resources/queues.ts';
import { EVENT_SOURCES, SWEEP_RATE_MINUTES } from '../shared/resources/event-sources.ts';
import type { Registry } from '../shared/resources/registry.ts';

export type FunctionName = 'ingest-status' | 'ingest-dossier' | 'ingest-ruling' | 'evaluate' | 'sweep-deadlines';

export interface QueueTrigger {
  readonly kind: 'sqs';
  readonly queues: (stage: string, registry: Registry) => QueueDefinition[];
  /** Records per invocation (the event source mapping's BatchSize). */
  readonly batchSize: number;
  /** MaximumBatchingWindowInSeconds; FIFO queues do not support one. */
  readonly batchingWindowSeconds: number;
}

export interface ScheduleTrigger {
  readonly kind: 'schedule';
  /** The deployed rule's rate; local mode may run it more often. */
  readonly rateMinutes: number;
}

export interface LocalFunction {
  readonly name: FunctionName;
  readonly module: URL;
  readonly timeoutSeconds: number;
  readonly trigger: QueueTrigger | ScheduleTrigger;
}

const handlerModule = (name: FunctionName) => new URL(`../functions/${name}/handler.ts`, import.meta.url);

function inboundOf(kind: 'ENFORCING_COURT' | 'PRISON' | 'HEARING_COURT') {
  return (stage: string, registry: Registry) =>
    registry.institutions.filter((inst) => inst.kind === kind).map((inst) => inboundQueue(stage, inst.id));
}

function ingest(name: FunctionName, kind: 'ENFORCING_COURT' | 'PRISON' | 'HEARING_COURT'): LocalFunction {
  return {
    name,
    module: handlerModule(name),
    timeoutSeconds: FUNCTION_TIMEOUT_SECONDS.ingest,
    // The deployed settings (LINKAGE_BATCHING_WINDOW_SECONDS overrides the window locally).
    trigger: {
      kind: 'sqs',
      queues: inboundOf(kind),
      batchSize: EVENT_SOURCES.inbound.batchSize,
      batchingWindowSeconds: EVENT_SOURCES.inbound.batchingWindowSeconds,
    },
  };
}

export const LOCAL_FUNCTIONS: readonly LocalFunction[] = [
  ingest('ingest-status', 'ENFORCING_COURT'),
  ingest('ingest-dossier', 'PRISON'),
  ingest('ingest-ruling', 'HEARING_COURT'),
  {
    name: 'evaluate',
    module: handlerModule('evaluate'),
    timeoutSeconds: FUNCTION_TIMEOUT_SECONDS.evaluate,
    trigger: {
      kind: 'sqs',
      queues: (stage) => [evaluateQueue(stage)],
      batchSize: EVENT_SOURCES.evaluate.batchSize,
      batchingWindowSeconds: EVENT_SOURCES.evaluate.batchingWindowSeconds,
    },
  },
  {
    name: 'sweep-deadlines',
    module: handlerModule('sweep-deadlines'),
    timeoutSeconds: FUNCTION_TIMEOUT_SECONDS.sweep,
    trigger: { kind: 'schedule', rateMinutes: SWEEP_RATE_MINUTES },
  },
];

/** The deployed function name for a stage, e.g. `linkage-local-evaluate`. */
export function functionName(stage: string, name: FunctionName): string {
  return `linkage-${stage}-${name}`;
}
