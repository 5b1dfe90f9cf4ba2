// `linkage show APPLICATION_ID`: the current decision, its reasons and items, what would
// change it (remedies, earliest clear date, next change by time alone), and the revision
// history from the audit trail. Shows the prisoner number only, never the name or
// identity number.
import type { Command } from 'commander';
import { formatYuan } from '../../shared/rules/money.ts';
import { createDocumentClient } from '../../shared/storage/clients.ts';
import { readCaseHistory, type CaseHistory } from '../case-history.ts';
import { EXIT_FAILURE } from '../exit-codes.ts';
import { formatFlag } from '../inbox-format.ts';
import { withConnection } from '../queue-io.ts';
import { table } from '../../local/console.ts';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description(
      "print an application's current decision, reasons, items and revision history (from the service's tables)",
    )
    .argument('<application-id>', 'e.g. FJ-P01-2026-0042')
    .option('--json', 'print { application, revisions, requests } as JSON')
    .addHelpText('after', '\nExit codes: 0 shown; 1 no such application (or nothing to connect to).')
    .action(async (applicationId: string, options: { json?: boolean }) => {
      await withConnection(async (connection) => {
        const history = await readCaseHistory(
          createDocumentClient(connection.dynamodb),
          connection.stage,
          applicationId,
        );
        if (!history) {
          process.stderr.write(`No application ${applicationId} on ${connection.where}.\n`);
          process.exitCode = EXIT_FAILURE;
          return;
        }
        process.stdout.write(
          options.json ? `${JSON.stringify(withoutIdentity(history), null, 2)}\n` : `${describe(history).join('\n')}\n`,
        );
      });
    });
}

function withoutIdentity(history: CaseHistory) {
  // `listing` is the console's list-index copy of the dossier's summary: it names the prisoner too.
  const { dossier, pk: _pk, sk: _sk, listing: _listing, ...application } = history.application;
  const { prisoner, ...rest } = dossier;
  return {
    ...history,
    application: { ...application, dossier: { ...rest, prisoner: { prisonerNo: prisoner.prisonerNo } } },
    requests: history.requests.map(({ pk: _p, sk: _s, ...request }) => request),
  };
}

function describe({ application, revisions, requests }: CaseHistory): string[] {
  const d = application.dossier;
  const rulings = Object.values(application.rulings).map(
    (r) => `${r.body.outcome} on ${r.body.ruledOn} (${r.body.rulingRef})`,
  );
  const current = revisions.at(-1);
  const lines = [
    `Application ${application.applicationId}: ${d.kind} (${d.basis}), prisoner no. ${d.prisoner.prisonerNo}, from ${application.prisonId}, heard by ${d.hearingCourtId}`,
    `  dossier v${application.dossierVersion}, first submitted ${application.firstSubmittedAt}; ruling: ${rulings.length ? rulings.join('; ') : 'none'}${application.closed ? '; closed' : ''}`,
    ...(application.nextCheckAt ? [`  next deadline check ${application.nextCheckAt}`] : []),
    '',
  ];
  if (current) lines.push(`Current decision (evaluated ${current.flag.evaluatedAt}):`, ...formatFlag(current.flag));
  else lines.push('No decision recorded yet.');
  if (requests.length > 0) {
    lines.push('', 'Verification requests:');
    for (const r of requests)
      lines.push(
        `  ${r.body.requestId} to ${r.enforcingCourtId}: ${r.body.reason} for ${r.body.judgmentId}, requested ${r.body.requestedAt}, due ${r.body.dueBy}${r.sent ? '' : r.withdrawnAt ? ` (withdrawn ${r.withdrawnAt}, never sent)` : ' (not sent yet)'}`,
      );
  }
  lines.push('', 'Revision history (decisions table):');
  lines.push(
    ...table(
      ['rev', 'evaluated at', 'decision', 'outstanding', 'reasons', 'trigger'],
      revisions.map((r) => [
        `r${r.revision}`,
        r.flag.evaluatedAt,
        r.flag.decision,
        formatYuan(r.flag.outstandingFen),
        r.flag.reasons.map((x) => x.code).join(' '),
        r.trigger,
      ]),
    ),
  );
  return lines;
}
