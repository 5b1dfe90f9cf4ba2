// `linkage stats [--period 2026-11|2026-Q4] [--institution ID] [--json]`: the assessment
// figures (考核) of each institution in the terminal, one table per kind of institution.
import type { Command } from 'commander';
import { valueOf } from '../../shared/assessment/csv.ts';
import type { AssessedKind } from '../../shared/assessment/figures.ts';
import { FIGURE_LABELS, KIND_LABELS, SHOWN_FIGURES } from '../../shared/assessment/labels.ts';
import type { InstitutionFigures } from '../../shared/assessment/report.ts';
import { table } from '../../local/console.ts';
import { figuresOf, institutionOption, periodOption, UsageError } from '../assessment-access.ts';
import { EXIT_FAILURE } from '../exit-codes.ts';
import { withConnection } from '../queue-io.ts';

const KINDS: readonly AssessedKind[] = ['ENFORCING_COURT', 'PRISON', 'HEARING_COURT', 'SERVICE'];

export function describeFigures(figures: readonly InstitutionFigures[]): string[] {
  const lines: string[] = [];
  for (const kind of KINDS) {
    const rows = figures.filter((f) => f.kind === kind);
    if (rows.length === 0) continue;
    const names = SHOWN_FIGURES[kind];
    lines.push(`${KIND_LABELS[kind].en} (${rows[0]!.period}):`);
    lines.push(
      ...table(
        ['institution', ...names.map((n) => FIGURE_LABELS[n]?.en ?? n)],
        rows.map((f) => [f.institutionId, ...names.map((n) => String(valueOf(f, n) ?? '-'))]),
      ),
      '',
    );
  }
  return lines;
}

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('print the assessment figures (考核) of each institution for a month or a quarter')
    .option('--period <period>', 'a month (2026-11) or a quarter (2026-Q4); default: this month')
    .option('--institution <id>', 'one institution only (or the service id for the linkage itself)')
    .option('--json', 'print the figures as JSON')
    .addHelpText(
      'after',
      '\nDefinitions: docs/assessment.md. Exit codes: 0 printed; 1 nothing to connect to; 2 bad option.',
    )
    .action(async (options: { period?: string; institution?: string; json?: boolean }) => {
      let period, ids;
      try {
        period = periodOption(options.period, '--period');
        ids = institutionOption(options.institution);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      await withConnection(async (connection) => {
        const figures = await figuresOf(connection, period, ids);
        if (figures.length === 0) {
          process.exitCode = EXIT_FAILURE;
          return;
        }
        process.stdout.write(
          options.json ? `${JSON.stringify(figures, null, 2)}\n` : `${describeFigures(figures).join('\n')}\n`,
        );
      });
    });
}
