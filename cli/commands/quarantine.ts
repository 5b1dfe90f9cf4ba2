// `linkage quarantine list|show`: the raw texts the service rejected, kept so that nothing
// sent is lost (shared/operations/quarantine.ts). The raw text may hold identity numbers and
// names: `show` prints it only when asked (--raw).
import type { Command } from 'commander';
import { listQuarantine, showQuarantined } from '../../shared/operations/quarantine.ts';
import { table } from '../../local/console.ts';
import { EXIT_FAILURE, EXIT_INVALID_INPUT } from '../exit-codes.ts';
import { operatorAccess } from '../operator-access.ts';
import { withConnection } from '../queue-io.ts';

export function registerQuarantine(program: Command): void {
  const quarantine = program.command('quarantine').description('rejected messages, kept as they arrived');

  quarantine
    .command('list')
    .description('quarantine entries, newest first')
    .option('--institution <id>', 'only messages that came in on this institution’s queue')
    .option('--reason <reason>', 'only this reason, e.g. sender-mismatch, invalid-json, schema')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .action(async (options: { institution?: string; reason?: string; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        process.stderr.write('--limit must be a whole number above 0\n');
        process.exitCode = EXIT_INVALID_INPUT;
        return;
      }
      await withConnection(async (connection) => {
        const access = operatorAccess(connection);
        const entries = await listQuarantine(access.db, access.quarantineTable, {
          ...(options.institution ? { institutionId: options.institution } : {}),
          ...(options.reason ? { reason: options.reason } : {}),
          limit,
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
          return;
        }
        const rows = entries.map((e) => [
          e.receivedAt,
          e.queueOwnerId,
          e.reason,
          e.rejectedMessageId ?? '-',
          String(e.problems.length),
          e.quarantineRef,
        ]);
        process.stdout.write(
          `${[...(rows.length > 0 ? table(['received', 'queue of', 'reason', 'messageId', 'problems', 'ref'], rows) : []), `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} on ${connection.where}.`].join('\n')}\n`,
        );
      });
    });

  quarantine
    .command('show')
    .description('one quarantine entry: why it was rejected, and (with --raw) the text as it arrived')
    .argument('<quarantine-ref>', 'the ref from the rejection message or `quarantine list`')
    .option('--raw', 'print the raw text (it may hold identity numbers and names)')
    .option('--json', 'print JSON (raw text included)')
    .action(async (ref: string, options: { raw?: boolean; json?: boolean }) => {
      await withConnection(async (connection) => {
        const access = operatorAccess(connection);
        const entry = await showQuarantined(access.db, access.quarantineTable, ref);
        if (!entry) {
          process.stderr.write(`No quarantine entry ${ref} on ${connection.where}.\n`);
          process.exitCode = EXIT_FAILURE;
          return;
        }
        if (options.json) {
          process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
          return;
        }
        const lines = [
          `${entry.quarantineRef}: ${entry.reason}, ${entry.rawBytes} bytes on ${entry.queue} (${entry.queueOwnerId}), ${entry.receivedAt}`,
          ...(entry.rejectedMessageId ? [`messageId ${entry.rejectedMessageId}`] : []),
          ...entry.problems.map((p) => `  ${p.path || '(document)'}: ${p.message}`),
          ...(options.raw
            ? ['raw text:', entry.raw ?? '(a part is missing)']
            : ['(--raw prints the text as it arrived)']),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}
