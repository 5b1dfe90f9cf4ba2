// reconcile-assessment: scheduled nightly; recomputes yesterday's assessment figures (local day,
// China Standard Time) from the source records and reports every counter that differs (metric
// AssessmentDifferences, one log line each). `{ "day": "2026-11-12" }` reconciles another day.
import type { Context } from 'aws-lambda';
import { localDay } from '../../shared/assessment/periods.ts';
import { reconcileDay, type ReconciliationResult } from '../../shared/assessment/reconcile.ts';
import { withPowertools } from '../../shared/powertools/middleware.ts';
import { lazyDependencies } from '../../shared/pipeline/runtime.ts';
import { addDays, dateProblem } from '../../shared/time/calendar.ts';

const dependencies = lazyDependencies(['cases', 'decisions', 'access', 'quarantine', 'assessment'] as const);

export const handler = withPowertools(
  async (event: { day?: unknown }, _context: Context): Promise<ReconciliationResult> => {
    const deps = dependencies();
    const day = typeof event?.day === 'string' ? event.day : addDays(localDay(deps.clock()), -1);
    const problem = dateProblem(day);
    if (problem) throw new Error(`day: ${problem}`);
    return reconcileDay(deps.db, deps.env.tables, deps.registry, day);
  },
);
