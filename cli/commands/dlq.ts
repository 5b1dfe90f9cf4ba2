// `linkage dlq list|show|redrive [--queue Q] [--dry-run]`: what sits in each dead-letter
// queue, why it failed, and sending it back to its source queue once the cause is fixed
// (shared/operations/dead-letters.ts; docs/operations.md says when). Redrive is safe to run
// twice: what was moved is gone from the DLQ.
import type { Command } from 'commander';
import {
  listDeadLetterQueues,
  redriveDeadLetters,
  selectQueues,
  showDeadLetters,
  type DeadLetter,
} from '../../shared/operations/dead-letters.ts';
import { table } from '../../local/console.ts';
import { EXIT_INVALID_INPUT } from '../exit-codes.ts';
import { operatorAccess } from '../operator-access.ts';
import { withConnection } from '../queue-io.ts';

interface QueueOption {
  readonly queue?: string;
  readonly json?: boolean;
}

export function registerDlq(program: Command): void {
  const dlq = program
    .command('dlq')
    .description("the service's dead-letter queues: what is in them, why, and redrive to the source queue");
  const queueOption = '--queue <queue>';
  const queueHelp = 'a queue name, its DLQ name or an institution id (default: every queue)';

  dlq
    .command('list')
    .description('how many messages each dead-letter queue holds')
    .option(queueOption, queueHelp)
    .option('--all', 'also list empty dead-letter queues')
    .option('--json', 'print JSON')
    .action(async (options: QueueOption & { all?: boolean }) => {
      await withQueues(options, async (access) => {
        const depths = await listDeadLetterQueues(access, options.queue);
        const shown = options.all ? depths : depths.filter((d) => d.messages > 0);
        if (options.json) return print(JSON.stringify(shown, null, 2));
        const total = depths.reduce((sum, d) => sum + d.messages, 0);
        print(
          [
            ...(shown.length > 0
              ? table(
                  ['dead-letter queue', 'messages', 'source queue'],
                  shown.map((d) => [d.dlq, String(d.messages), d.source]),
                )
              : []),
            `${total} message(s) in ${depths.length} dead-letter queue(s).`,
          ].join('\n'),
        );
      });
    });

  dlq
    .command('show')
    .description('the messages of dead-letter queues with the last error of each (they stay in the DLQ)')
    .option(queueOption, queueHelp)
    .option('--max <n>', 'at most this many messages per queue', '20')
    .option('--body', 'also print each message body (it may hold identity numbers and names)')
    .option('--json', 'print JSON (bodies included)')
    .action(async (options: QueueOption & { max: string; body?: boolean }) => {
      const max = Number(options.max);
      if (!Number.isInteger(max) || max < 1) return invalid('--max must be a whole number above 0');
      await withQueues(options, async (access) => {
        const shown: { dlq: string; source: string; messages: DeadLetter[] }[] = [];
        for (const queue of selectQueues(access, options.queue)) {
          const messages = await showDeadLetters(access, queue, max);
          if (messages.length > 0 || options.queue) shown.push({ dlq: queue.dlqName, source: queue.name, messages });
        }
        if (options.json) return print(JSON.stringify(shown, null, 2));
        const lines: string[] = [];
        for (const { dlq: name, source, messages } of shown) {
          lines.push(`${name} (from ${source}): ${messages.length} message(s)`);
          for (const m of messages) lines.push(...describeLetter(m, options.body === true));
        }
        print(lines.length > 0 ? lines.join('\n') : 'Every dead-letter queue is empty.');
      });
    });

  dlq
    .command('redrive')
    .description('send the messages of dead-letter queues back to their source queue, then delete them from the DLQ')
    .option(queueOption, queueHelp)
    .option('--dry-run', 'count what would be moved, move nothing')
    .option('--json', 'print JSON')
    .action(async (options: QueueOption & { dryRun?: boolean }) => {
      await withQueues(options, async (access) => {
        const results = [];
        for (const queue of selectQueues(access, options.queue)) {
          const result = await redriveDeadLetters(access, queue, { dryRun: options.dryRun === true });
          if (result.moved > 0 || result.failed > 0 || result.refused.length > 0) results.push(result);
        }
        if (options.json) return print(JSON.stringify(results, null, 2));
        const moved = results.reduce((sum, r) => sum + r.moved, 0);
        const failed = results.reduce((sum, r) => sum + r.failed, 0);
        const refused = results.reduce((sum, r) => sum + r.refused.length, 0);
        print(
          [
            ...results.flatMap((r) => [
              `  ${r.dlq} -> ${r.source}: ${r.moved} ${options.dryRun ? 'would be moved' : 'moved'}${r.failed > 0 ? `, ${r.failed} refused by the queue (left in the DLQ)` : ''}`,
              // The ingest would reject these as spoofs: they are not re-sent (docs/operations.md).
              ...r.refused.map((x) => `    - ${x.sqsMessageId} not redriven (left in the DLQ): ${x.reason}`),
            ]),
            `${moved} message(s) ${options.dryRun ? 'would be redriven (dry run: nothing moved)' : 'redriven'}${failed > 0 ? `; ${failed} refused by the queue` : ''}${refused > 0 ? `; ${refused} not redriven: the sender check would reject them` : ''}.`,
          ].join('\n'),
        );
        if (failed > 0 || refused > 0) process.exitCode = 1;
      });
    });
}

function describeLetter(m: DeadLetter, body: boolean): string[] {
  const envelope = m.envelope
    ? `${m.envelope.schema ?? '?'} ${m.envelope.messageId ?? '?'} from ${m.envelope.senderId ?? '?'}`
    : 'not a JSON envelope';
  const error = m.lastError
    ? `last error (receive ${m.lastError.receiveCount}, ${m.lastError.failedAt}, ${m.lastError.functionName}): ${m.lastError.errorName}: ${m.lastError.errorMessage}`
    : 'no error kept with it: look for its sqsMessageId in the function logs ("record failed" / "evaluation failed")';
  return [
    `  - ${m.sqsMessageId}  ${envelope}${m.sentAt ? `  sent ${m.sentAt}` : ''}${m.sqsSenderId ? `  SQS SenderId ${m.sqsSenderId}` : ''}`,
    `    ${error}`,
    ...(body ? [`    body: ${m.body}`] : []),
  ];
}

async function withQueues(
  options: QueueOption,
  body: (access: ReturnType<typeof operatorAccess>) => Promise<void>,
): Promise<void> {
  await withConnection(async (connection) => {
    const access = operatorAccess(connection);
    try {
      selectQueues(access, options.queue);
    } catch (error) {
      return invalid((error as Error).message);
    }
    await body(access);
  });
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function invalid(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = EXIT_INVALID_INPUT;
}
