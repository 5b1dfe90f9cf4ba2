// How the queue-fed functions are fed: the settings of the CDK event source mappings, which
// the local runner follows too. Which function each feeds: shared/resources/functions.ts.

export interface EventSourceSettings {
  /** Records per invocation (BatchSize). */
  readonly batchSize: number;
  /** MaximumBatchingWindowInSeconds; FIFO queues (evaluate) take none. */
  readonly batchingWindowSeconds?: number;
  /** Concurrent batches per queue (ScalingConfig.MaximumConcurrency), kept below reserved concurrency. */
  readonly maxConcurrency: number;
}

export const EVENT_SOURCES = {
  // One institution's traffic is light: two concurrent batches per inbound queue is plenty.
  // No batching window: a flag must follow a payment within seconds, and Lambda still takes
  // up to batchSize records from whatever one poll returns.
  inbound: { batchSize: 10, batchingWindowSeconds: 0, maxConcurrency: 2 },
  evaluate: { batchSize: 10, maxConcurrency: 5 },
} as const satisfies Record<string, EventSourceSettings>;
