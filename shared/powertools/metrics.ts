// The one Powertools metrics instance (namespace from POWERTOOLS_METRICS_NAMESPACE) and the
// names of everything the service counts. A metric with a dimension goes out as a single
// metric, so its dimension does not leak onto the other metrics of the invocation.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { EMPTY_FLUSH_WARNING } from './metric-warnings.ts';

/**
 * Where metrics are switched off (local mode: no CloudWatch), Powertools still warns at every
 * flush of an invocation that counted nothing (a sweep with nothing due), burying the output a
 * newcomer is meant to read. There only, that one warning is dropped; every other goes on.
 */
const quietWhenDisabled = {
  ...console,
  warn: (...args: unknown[]) => {
    const disabled = process.env.POWERTOOLS_METRICS_DISABLED === 'true';
    if (disabled && typeof args[0] === 'string' && args[0].startsWith(EMPTY_FLUSH_WARNING)) return;
    console.warn(...args);
  },
};

export const metrics = new Metrics({ logger: quietWhenDisabled });

export const METRIC = {
  /** SQS records a function was given (also keeps every invocation's metric set non-empty). */
  recordsReceived: 'RecordsReceived',
  /** A new flag revision, by `decision` (CLEAR, FLAG, BLOCK, REVOKE). */
  decisions: 'Decisions',
  /** An inbound message rejected, by `reason`. */
  rejections: 'Rejections',
  /** Security: a message whose sender is not the institution its queue belongs to. */
  spoofRejected: 'SpoofRejected',
  /** An equal or older version, or a message already processed: acknowledged without effect. */
  staleOrDuplicate: 'StaleOrDuplicate',
  /** Applications re-evaluated because one of their clocks ran out. */
  deadlinesFired: 'DeadlinesFired',
  /** Fulfilment flags and copies sent. */
  flagsSent: 'FlagsSent',
  /** Verification requests (核实函) sent to enforcing courts. */
  verificationRequestsSent: 'VerificationRequestsSent',
  /** Stored requests never sent because a ruling made them moot first. */
  verificationRequestsWithdrawn: 'VerificationRequestsWithdrawn',
  /** Assessment counters that differ from the source records (nightly reconciliation). */
  assessmentDifferences: 'AssessmentDifferences',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];

export interface MetricDimension {
  readonly name: string;
  readonly value: string;
}

/** Counts one occurrence, optionally under one dimension. */
export function count(name: MetricName, dimension?: MetricDimension, value = 1): void {
  if (!dimension) {
    metrics.addMetric(name, MetricUnit.Count, value);
    return;
  }
  const single = metrics.singleMetric();
  single.addDimension(dimension.name, dimension.value);
  single.addMetric(name, MetricUnit.Count, value);
}
