// `linkage inbox --as INSTITUTION`: receives and acknowledges what the service sent an
// institution (flags, verification requests, rejections).
import type { Command } from 'commander';
import type { Message } from '@aws-sdk/client-sqs';
import { outboundQueue } from '../../shared/resources/queues.ts';
import { findInstitution } from '../../shared/resources/registry.ts';
import { REGISTRY } from '../../local/registry.ts';
import { EXIT_INVALID_INPUT } from '../exit-codes.ts';
import { formatMessage } from '../inbox-format.ts';
import { acknowledge, receiveSome } from '../../shared/queues/batches.ts';
import { withConnection } from '../queue-io.ts';

interface InboxOptions {
  readonly as: string;
  readonly follow?: boolean;
  readonly json?: boolean;
  readonly keep?: boolean;
  readonly wait: string;
}

export function registerInbox(program: Command): void {
  program
    .command('inbox')
    .description(
      'receive and acknowledge what the service sent an institution: flags, verification requests, rejections',
    )
    .requiredOption('--as <institution>', 'the institution whose outbound queue to read, e.g. FJ-LY-ZY')
    .option('--follow', 'keep waiting for new messages until Ctrl-C')
    .option('--json', 'print each message as it arrived: one JSON envelope per line (NDJSON)')
    .option('--keep', "do not acknowledge: the messages come back after the queue's visibility timeout")
    .option('--wait <seconds>', 'without --follow: how long to wait for the first message', '2')
    .addHelpText(
      'after',
      '\nMessages are deleted from the queue once printed (unless --keep). Exit code 2: unknown institution.',
    )
    .action(async (options: InboxOptions) => {
      if (!findInstitution(REGISTRY, options.as)) {
        process.stderr.write(`--as ${options.as}: not an institution in config/institutions.json\n`);
        process.exitCode = EXIT_INVALID_INPUT;
        return;
      }
      const firstWait = Number(options.wait);
      if (!Number.isInteger(firstWait) || firstWait < 0 || firstWait > 20) {
        process.stderr.write('--wait must be a whole number of seconds from 0 to 20\n');
        process.exitCode = EXIT_INVALID_INPUT;
        return;
      }
      await withConnection(async (connection) => {
        const queueName = outboundQueue(connection.stage, options.as).name;
        const queueUrl = await connection.queueUrl(queueName);
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        let count = 0;
        try {
          let wait = options.follow ? 20 : firstWait;
          while (!stop.signal.aborted) {
            let batch: Message[];
            try {
              batch = await receiveSome(connection.sqs, queueUrl, wait, stop.signal);
            } catch (error) {
              if (stop.signal.aborted) break;
              throw error;
            }
            if (batch.length === 0) {
              if (options.follow) continue;
              break;
            }
            for (const message of inOrder(batch)) {
              process.stdout.write(
                options.json ? `${oneLine(message.Body ?? '')}\n` : `${formatMessage(message.Body ?? '')}\n\n`,
              );
            }
            if (!options.keep) await acknowledge(connection.sqs, queueUrl, batch);
            count += batch.length;
            // Drain what is already there without waiting again.
            wait = options.follow ? 20 : 0;
          }
        } finally {
          process.off('SIGINT', onSignal);
        }
        if (!options.json)
          process.stderr.write(
            `${count} message(s) for ${options.as} from ${connection.where}${options.keep ? ', left on the queue' : ', acknowledged'}.\n`,
          );
      });
    });
}

/** Oldest first by the envelope's sentAt, then by when SQS got them. */
function inOrder(messages: readonly Message[]): Message[] {
  const key = (m: Message) => {
    try {
      const sentAt = (JSON.parse(m.Body ?? '') as { sentAt?: unknown }).sentAt;
      return typeof sentAt === 'string' ? Date.parse(sentAt) : Number.NaN;
    } catch {
      return Number.NaN;
    }
  };
  const sent = (m: Message) => Number(m.Attributes?.SentTimestamp ?? 0);
  return [...messages].sort((a, b) => (key(a) || sent(a)) - (key(b) || sent(b)) || sent(a) - sent(b));
}

/** NDJSON needs one line per message; re-serialise only when the body spans lines. */
function oneLine(body: string): string {
  if (!body.includes('\n')) return body;
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return JSON.stringify(body);
  }
}
