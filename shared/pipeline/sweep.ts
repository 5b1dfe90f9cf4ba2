// The deadline sweep: applications whose next check time has come are queued for
// re-evaluation, so PP-MAT-MISSING, PP-COURT-OVERDUE, stale statuses and the end of a
// cool-off appear on time even when no message arrives. The next check time is the engine's
// nextChangeAt, stored by the evaluation (evaluate-prisoner.ts): the sweep keeps no clock of
// the rules, so a new date-dependent rule cannot be forgotten here.
import { logger } from '../powertools/logger.ts';
import { count, METRIC } from '../powertools/metrics.ts';
import { enqueueEvaluations, type EnqueuedEvaluation } from '../queues/evaluation-requests.ts';
import { dueApplications } from '../storage/deadline-index.ts';
import { deadlineShards } from '../storage/keys.ts';
import { nowMsOf } from './clock.ts';
import type { Dependencies } from './dependencies.ts';

export interface SweepResult {
  readonly due: number;
}

export async function sweepDeadlines(
  deps: Dependencies<'cases'>,
  nowMs: number = nowMsOf(deps.clock),
): Promise<SweepResult> {
  const nowIso = new Date(nowMs).toISOString();
  let due = 0;
  for (const shard of deadlineShards()) {
    const applications = await dueApplications(deps.db, deps.env.tables.cases, shard, nowIso);
    const evaluations: EnqueuedEvaluation[] = applications.map((a) => ({
      request: { personId: a.personId, applicationIds: [a.applicationId], trigger: `deadline:${a.nextCheckAt}` },
      // The same deadline of the same application is enqueued once, however often swept.
      deduplicationKey: `deadline:${a.applicationId}:${a.nextCheckAt}`,
    }));
    await enqueueEvaluations(deps.sqs, deps.env, evaluations);
    due += evaluations.length;
  }
  count(METRIC.deadlinesFired, undefined, due);
  logger.info('deadlines swept', { due, at: nowIso });
  return { due };
}
