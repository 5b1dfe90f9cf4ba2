// The functions local mode runs and what triggers each, derived from the function catalogue
// (shared/resources/functions.ts): the same handler modules, queues, batch settings and
// timeouts as the deployed stack.
import { EVENT_SOURCES } from '../shared/resources/event-sources.ts';
import { FUNCTIONS, FUNCTION_NAMES, type FunctionName, type Trigger } from '../shared/resources/functions.ts';
import { evaluateQueue, inboundQueue, type QueueDefinition } from '../shared/resources/queues.ts';
import type { Registry } from '../shared/resources/registry.ts';

export interface QueueTrigger {
  readonly kind: 'sqs';
  readonly queues: (stage: string, registry: Registry) => QueueDefinition[];
  /** Records per invocation (the event source mapping's BatchSize). */
  readonly batchSize: number;
  /** MaximumBatchingWindowInSeconds; FIFO queues do not support one. */
  readonly batchingWindowSeconds: number;
  /** Batches of one queue in flight at once (the mapping's ScalingConfig.MaximumConcurrency). */
  readonly maxConcurrency: number;
}

export interface ScheduleTrigger {
  readonly kind: 'schedule';
  /** The deployed rule's rate; local mode may run it more often. */
  readonly rateMinutes: number;
}

export interface NightlyTrigger {
  readonly kind: 'nightly';
  /** The time of day (UTC) the deployed rule runs it; local mode runs it then too. */
  readonly utc: { readonly hour: number; readonly minute: number };
}

export interface LocalFunction {
  readonly name: FunctionName;
  readonly module: URL;
  readonly timeoutSeconds: number;
  readonly trigger: QueueTrigger | ScheduleTrigger | NightlyTrigger;
}

const handlerModule = (name: FunctionName) => new URL(`../functions/${name}/handler.ts`, import.meta.url);

/** The local poller or timer of a catalogue trigger (LINKAGE_BATCHING_WINDOW_SECONDS overrides the window). */
function localTrigger(trigger: Trigger): QueueTrigger | ScheduleTrigger | NightlyTrigger {
  switch (trigger.type) {
    case 'inbound':
      return {
        kind: 'sqs',
        queues: (stage, registry) =>
          registry.institutions
            .filter((inst) => inst.kind === trigger.kind)
            .map((inst) => inboundQueue(stage, inst.id)),
        batchSize: EVENT_SOURCES.inbound.batchSize,
        batchingWindowSeconds: EVENT_SOURCES.inbound.batchingWindowSeconds,
        maxConcurrency: EVENT_SOURCES.inbound.maxConcurrency,
      };
    case 'evaluate-queue':
      return {
        kind: 'sqs',
        queues: (stage) => [evaluateQueue(stage)],
        batchSize: EVENT_SOURCES.evaluate.batchSize,
        batchingWindowSeconds: 0,
        maxConcurrency: EVENT_SOURCES.evaluate.maxConcurrency,
      };
    case 'schedule':
      return { kind: 'schedule', rateMinutes: trigger.rateMinutes };
    case 'nightly':
      return { kind: 'nightly', utc: trigger.utc };
  }
}

export const LOCAL_FUNCTIONS: readonly LocalFunction[] = FUNCTION_NAMES.map((name) => ({
  name,
  module: handlerModule(name),
  timeoutSeconds: FUNCTIONS[name].timeoutSeconds,
  trigger: localTrigger(FUNCTIONS[name].trigger),
}));
