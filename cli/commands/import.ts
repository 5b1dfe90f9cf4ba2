// `linkage import statuses FILE.csv --as COURT`: bulk-loads an enforcing court's records.
// Every row is checked against the contract before anything is sent; bad rows are reported
// with their line number (stderr and FILE.csv.rejected.csv), never dropped silently; an
// interrupted import resumes where it stopped.
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { inboundQueue } from '../../shared/resources/queues.ts';
import { findInstitution } from '../../shared/resources/registry.ts';
import { serviceInstant } from '../../shared/pipeline/clock.ts';
import { REGISTRY } from '../../local/registry.ts';
import { EXIT_FAILURE, EXIT_INVALID_INPUT } from '../exit-codes.ts';
import {
  clearCheckpoint,
  fileIdentity,
  readCheckpoint,
  rejectedPath,
  writeCheckpoint,
  type Checkpoint,
} from '../import-checkpoint.ts';
import { MAX_BATCH_ENTRIES, sendBodies } from '../../shared/queues/batches.ts';
import { withConnection } from '../queue-io.ts';
import {
  lineLabel,
  parseCsvRows,
  rejectedCsvLines,
  type CsvRow,
  type RejectedRow,
} from '../../shared/contract/status-csv.ts';
import { STATUS_COLUMNS, checkRow, headerProblems } from '../status-csv.ts';

type Rejected = RejectedRow;

export function registerImport(program: Command): void {
  const importCommand = program.command('import').description("bulk-load records from another system's export");
  importCommand
    .command('statuses')
    .description("send an enforcing court's records, one enforcement status per CSV row, to its inbound queue")
    .argument('<file>', 'CSV file, UTF-8, comma-separated, with a header row')
    .requiredOption('--as <court>', 'the enforcing court whose records these are, e.g. FJ-LY-XL')
    .option('--restart', 'ignore the checkpoint of an earlier, interrupted import and start from the first row')
    .addHelpText('after', columnsHelp())
    .action(async (file: string, options: { as: string; restart?: boolean }) => {
      const court = findInstitution(REGISTRY, options.as);
      if (court?.kind !== 'ENFORCING_COURT')
        return fail(`--as ${options.as}: not an ENFORCING_COURT in config/institutions.json`);
      const rows = readRows(file);
      if (typeof rows === 'string') return fail(rows);
      const [header, ...records] = rows;
      if (!header) return fail(`${file}: is empty`);
      const problems = headerProblems(header.fields);
      if (problems.length > 0) return fail(problems.map((p) => `${file}:${header.line}: ${p}`).join('\n'));

      const identity = fileIdentity(file);
      const previous = options.restart ? undefined : readCheckpoint(file);
      if (
        previous &&
        (previous.size !== identity.size || previous.mtimeMs !== identity.mtimeMs || previous.court !== court.id)
      ) {
        return fail(
          `${file}: an earlier import of another version of this file (or for another court) stopped after line ${previous.lastLine}; use --restart to start over`,
        );
      }
      if (!previous && existsSync(rejectedPath(file))) rmSync(rejectedPath(file));
      const pending = records.filter((r) => r.endLine > (previous?.lastLine ?? 0));
      if (previous)
        process.stderr.write(
          `Resuming after line ${previous.lastLine} (${previous.sent} sent, ${previous.rejected} rejected before).\n`,
        );

      await withConnection(async (connection) => {
        const queueUrl = await connection.queueUrl(inboundQueue(connection.stage, court.id).name);
        const state: Checkpoint = previous ?? {
          ...identity,
          court: court.id,
          lastLine: header.line,
          sent: 0,
          rejected: 0,
        };
        const bar = new SingleBar(
          {
            format: 'import [{bar}] {percentage}% | {value}/{total} rows | {sent} sent, {rejected} rejected',
            hideCursor: true,
            clearOnComplete: false,
          },
          undefined,
        );
        const showBar = process.stderr.isTTY === true;
        if (showBar)
          bar.start(records.length, records.length - pending.length, { sent: state.sent, rejected: state.rejected });
        const rejectedNow: Rejected[] = [];
        // The service's offset (UTC+8), whatever the operator's machine is set to.
        const sentAt = serviceInstant(Date.now());
        let chunk: { rows: CsvRow[]; bodies: string[]; rejected: Rejected[] } = { rows: [], bodies: [], rejected: [] };

        const flush = async (): Promise<boolean> => {
          const last = chunk.rows.at(-1);
          if (!last) return true;
          const failures = await sendBodies(connection.sqs, queueUrl, chunk.bodies);
          if (failures.length > 0) {
            if (showBar) bar.stop();
            process.stderr.write(
              `${failures.map((f) => `sending failed: ${f.reason}`).join('\n')}\nStopped; run the same command again to resume after line ${state.lastLine}.\n`,
            );
            return false;
          }
          appendRejected(file, header.fields, chunk.rejected);
          state.lastLine = last.endLine;
          state.sent += chunk.bodies.length;
          state.rejected += chunk.rejected.length;
          writeCheckpoint(file, state);
          rejectedNow.push(...chunk.rejected);
          if (showBar) bar.increment(chunk.rows.length, { sent: state.sent, rejected: state.rejected });
          chunk = { rows: [], bodies: [], rejected: [] };
          return true;
        };

        for (const row of pending) {
          chunk.rows.push(row);
          const result = checkRow(header.fields, row, court.id, sentAt);
          if (result.ok) chunk.bodies.push(JSON.stringify(result.message));
          else chunk.rejected.push({ row, problems: result.problems });
          if (chunk.bodies.length === MAX_BATCH_ENTRIES && !(await flush()))
            return void (process.exitCode = EXIT_FAILURE);
        }
        if (!(await flush())) return void (process.exitCode = EXIT_FAILURE);
        if (showBar) bar.stop();
        clearCheckpoint(file);

        for (const { row, problems } of rejectedNow)
          process.stderr.write(`${file}:${lineLabel(row)}: ${problems.join('; ')}\n`);
        const where = `${inboundQueue(connection.stage, court.id).name} on ${connection.where}`;
        process.stdout.write(
          `${state.sent} status(es) from ${file} sent as ${court.id} to ${where}; ${state.rejected} row(s) rejected.\n`,
        );
        if (state.rejected > 0) {
          process.stdout.write(
            `Rejected rows, with their line numbers and problems: ${rejectedPath(file)} (fix them there and import that file).\n`,
          );
          process.exitCode = EXIT_INVALID_INPUT;
        }
      });
    });
}

/** The rows of the file with the line each starts and ends on; a string says why it cannot be read. */
function readRows(file: string): CsvRow[] | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  const rows = parseCsvRows(text);
  return typeof rows === 'string' ? `${file}: ${rows}; nothing was sent` : rows;
}

function appendRejected(file: string, header: readonly string[], rejected: readonly Rejected[]): void {
  if (rejected.length === 0) return;
  const path = rejectedPath(file);
  appendFileSync(path, `${rejectedCsvLines(header, rejected, !existsSync(path)).join('\n')}\n`);
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = EXIT_INVALID_INPUT;
}

function columnsHelp(): string {
  const width = Math.max(...Object.keys(STATUS_COLUMNS).map((c) => c.length));
  return [
    '',
    'Columns (header row required, any order; empty cell = field absent):',
    ...Object.entries(STATUS_COLUMNS).map(([name, what]) => `  ${name.padEnd(width)}  ${what}`),
    'Dates YYYY-MM-DD; instants ISO-8601 with offset; money integer fen. A list column may also hold a JSON array',
    'of contract objects, e.g. payments = [{"receiptNo":"R1","amountFen":100,"payer":"SELF","paidOn":"2026-01-02"}].',
    '',
    'Progress is saved to FILE.import-checkpoint.json: run the same command again to resume after an interruption.',
    'Exit codes: 0 every row sent; 2 some rows rejected (FILE.rejected.csv) or the file is unusable; 1 sending failed.',
  ].join('\n');
}
