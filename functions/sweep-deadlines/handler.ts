// sweep-deadlines: scheduled every 15 minutes; queues a re-evaluation for every application
// whose next check time has come (the byDeadline index), so deadlines fire on time.
import type { Context, ScheduledEvent } from 'aws-lambda';
import { withPowertools } from '../../shared/powertools/middleware.ts';
import { lazyDependencies } from '../../shared/pipeline/runtime.ts';
import { tablesOf } from '../../shared/resources/functions.ts';
import { sweepDeadlines, type SweepResult } from '../../shared/pipeline/sweep.ts';

const dependencies = lazyDependencies(tablesOf('sweep-deadlines'));

export const handler = withPowertools(async (_event: ScheduledEvent, _context: Context): Promise<SweepResult> =>
  sweepDeadlines(dependencies()),
);
