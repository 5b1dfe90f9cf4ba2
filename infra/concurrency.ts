// How much Lambda concurrency a deployment can use at once, from the registry and the event
// source settings: the sum of every SQS event source's maxConcurrency, plus the sweeper. No
// function reserves concurrency (a new account's limit may be 10), so the account's limit
// must cover this sum, or Lambda throttles receives and burns their delivery attempts.
import { EVENT_SOURCES } from '../shared/resources/event-sources.ts';
import { isSender, type Registry } from '../shared/resources/registry.ts';

export interface ConcurrencyNeed {
  readonly inbound: number;
  readonly evaluate: number;
  readonly sweep: number;
  readonly total: number;
}

export function concurrencyNeed(registry: Registry): ConcurrencyNeed {
  const inbound = registry.institutions.filter(isSender).length * EVENT_SOURCES.inbound.maxConcurrency;
  const evaluate = EVENT_SOURCES.evaluate.maxConcurrency;
  const sweep = 1;
  return { inbound, evaluate, sweep, total: inbound + evaluate + sweep };
}

/** Lambda's service-quota code for "Concurrent executions". */
export const CONCURRENCY_QUOTA_CODE = 'L-B99A9384';

/** Problems with an account limit for this registry; empty when it is enough. */
export function concurrencyProblems(registry: Registry, accountLimit: number, region: string): string[] {
  const need = concurrencyNeed(registry);
  if (accountLimit >= need.total) return [];
  return [
    `the account's Lambda concurrency limit in ${region} is ${accountLimit}, and the event sources may run ` +
      `${need.total} at once (inbound ${need.inbound}, evaluate ${need.evaluate}, sweep ${need.sweep}): ` +
      `request at least ${need.total} with aws service-quotas request-service-quota-increase ` +
      `--service-code lambda --quota-code ${CONCURRENCY_QUOTA_CODE} --desired-value ${need.total} --region ${region}`,
  ];
}
