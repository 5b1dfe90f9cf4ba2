// `linkage report --month 2026-11 [--institution ID] --format csv|pdf [--out FILE]`: the monthly
// assessment report. CSV: one row per institution and figure (docs/assessment.md).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { figuresCsv } from '../../shared/assessment/csv.ts';
import { figuresOf, institutionOption, periodOption, UsageError } from '../assessment-access.ts';
import { EXIT_INVALID_INPUT } from '../exit-codes.ts';
import { withConnection } from '../queue-io.ts';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write the monthly assessment report (考核报告) of every institution, or of one')
    .requiredOption('--month <month>', 'the month, e.g. 2026-11')
    .option('--institution <id>', 'one institution only')
    .option('--format <format>', 'csv or pdf', 'csv')
    .option('--out <file>', 'write to this file instead of standard output')
    .addHelpText('after', '\nExit codes: 0 written; 1 nothing to connect to; 2 bad option.')
    .action(async (options: { month: string; institution?: string; format: string; out?: string }) => {
      let period, ids;
      try {
        if (!/^\d{4}-\d{2}$/.test(options.month))
          throw new UsageError(`--month: expected a month such as 2026-11, got ${JSON.stringify(options.month)}`);
        period = periodOption(options.month, '--month');
        ids = institutionOption(options.institution);
        if (options.format !== 'csv' && options.format !== 'pdf')
          throw new UsageError(`--format: expected csv or pdf, got ${JSON.stringify(options.format)}`);
        if (options.format === 'pdf' && !options.out)
          throw new UsageError('--out: a PDF report needs a file to write to');
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = EXIT_INVALID_INPUT;
        return;
      }
      await withConnection(async (connection) => {
        const figures = await figuresOf(connection, period, ids);
        if (options.format === 'pdf') {
          // Loaded only for a PDF: it needs Playwright and a Chromium.
          const { writePdfReport } = await import('../../local/report-pdf.ts');
          await writePdfReport(figures, period.id, options.out!);
          process.stderr.write(`wrote ${options.out}\n`);
          return;
        }
        const csv = figuresCsv(figures);
        if (options.out) writeFileSync(options.out, csv);
        else process.stdout.write(csv);
      });
    });
}
