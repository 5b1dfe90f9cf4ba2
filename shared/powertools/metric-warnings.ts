// Texts Powertools Metrics prints, in a module with no side effects: the bench imports them
// while the metrics instance (metrics.ts reads its namespace from the environment when first
// imported) must wait until the local service has set that environment.

/** What Powertools warns at the flush of an invocation that counted nothing. */
export const EMPTY_FLUSH_WARNING = 'No application metrics to publish';
