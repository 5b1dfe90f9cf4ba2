// `linkage reconcile [--day 2026-11-12]`: the nightly reconciliation of the assessment counters
// on demand (local mode has no scheduler for it). Exit 0 when no counter differs, 1 otherwise.
import type { Command } from 'commander';
import { REGISTRY } from '../../local/registry.ts';
import { reconcileDay } from '../../shared/assessment/reconcile.ts';
import { localDay } from '../../shared/assessment/periods.ts';
import { systemClock } from '../../shared/pipeline/clock.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { addDays, dateProblem } from '../../shared/time/calendar.ts';
import { EXIT_FAILURE, EXIT_INVALID_INPUT } from '../exit-codes.ts';
import { withConnection } from '../queue-io.ts';

export function registerReconcile(program: Command): void {
  program
    .command('reconcile')
    .description('recompute one day of assessment figures from the source records and report counters that differ')
    .option('--day <date>', 'the local day, e.g. 2026-11-12; default: yesterday')
    .action(async (options: { day?: string }) => {
      const day = options.day ?? addDays(localDay(systemClock()), -1);
      const problem = dateProblem(day);
      if (problem) {
        process.stderr.write(`--day: ${problem}\n`);
        process.exitCode = EXIT_INVALID_INPUT;
        return;
      }
      await withConnection(async (connection) => {
        const t = (id: Parameters<typeof tableName>[1]) => tableName(connection.stage, id);
        const tables = {
          cases: t('cases'),
          decisions: t('decisions'),
          access: t('access'),
          quarantine: t('quarantine'),
          assessment: t('assessment'),
        };
        const result = await reconcileDay(createDocumentClient(connection.dynamodb), tables, REGISTRY, day);
        for (const d of result.differences)
          process.stdout.write(
            `${d.institutionId} ${d.day} ${d.figure}: counted ${d.counted}, source records say ${d.recomputed}\n`,
          );
        process.stdout.write(`${day}: ${result.institutions} institutions, ${result.differences.length} differences\n`);
        if (result.differences.length > 0) process.exitCode = EXIT_FAILURE;
      });
    });
}
