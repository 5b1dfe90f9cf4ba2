// How each function is fed: the settings of the CDK event source mappings and schedule,
// which the local runner follows too.

export interface EventSourceSettings {
  /** Records per invocation (BatchSize). */
  readonly batchSize: number;
  /** MaximumBatchingWindowInSeconds; FIFO queues take none. */
  readonly batchingWindowSeconds: number;
  /** Concurrent batches per queue (ScalingConfig.MaximumConcurrency), kept below reserved concurrency. */
  readonly maxConcurrency: number;
}

export const EVENT_SOURCES = {
  // One institution's traffic is light: two concurrent batches per inbound queue is plenty.
  // No batching window: a flag must follow a payment within seconds, and Lambda still takes
  // up to batchSize records from whatever one poll returns.
  inbound: { batchSize: 10, batchingWindowSeconds: 0, maxConcurrency: 2 },
  evaluate: { batchSize: 10, batchingWindowSeconds: 0, maxConcurrency: 5 },
} as const satisfies Record<string, EventSourceSettings>;

/** How often sweep-deadlines runs. */
export const SWEEP_RATE_MINUTES = 15;
