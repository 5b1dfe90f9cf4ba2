// `linkage send FILE...`: puts contract messages on their sender's inbound queue.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { inboundQueue } from '../../shared/resources/queues.ts';
import { findInstitution, isSender } from '../../shared/resources/registry.ts';
import { REGISTRY } from '../../local/registry.ts';
import { EXIT_FAILURE, EXIT_INVALID_INPUT } from '../exit-codes.ts';
import { readMessages, type OutgoingMessage } from '../message-files.ts';
import { sendBodies } from '../../shared/queues/batches.ts';
import { withConnection } from '../queue-io.ts';

interface SendOptions {
  readonly as?: string;
}

export function registerSend(program: Command): void {
  program
    .command('send')
    .description("send contract messages to the service, each on its sender's inbound queue (locally or on AWS)")
    .argument(
      '<files...>',
      'JSON files (one message, or an array of them) or NDJSON files (one message per line); - reads stdin',
    )
    .option(
      '--as <institution>',
      'send as this institution, whatever the envelopes say; text that is not JSON is sent as it is (to see a rejection)',
    )
    .addHelpText(
      'after',
      [
        '',
        "The sender of each message is its envelope's sender.id; the message goes to linkage-<stage>-in-<sender.id>.",
        "The service validates; an invalid message comes back as a linkage.rejection.v1 in the sender's inbox.",
        'Exit codes: 0 all sent; 2 a file is not JSON/NDJSON or names no known sender (nothing is sent); 1 a send failed.',
      ].join('\n'),
    )
    .action(async (files: string[], options: SendOptions) => {
      const planned = await plan(files, options);
      if (!planned) return;
      await withConnection(async (connection) => {
        let failures = 0;
        for (const [senderId, messages] of planned) {
          const queue = inboundQueue(connection.stage, senderId);
          const failed = await sendBodies(
            connection.sqs,
            await connection.queueUrl(queue.name),
            messages.map((m) => m.text),
          );
          const failedAt = new Map(failed.map((f) => [f.index, f.reason]));
          messages.forEach((message, index) => {
            const reason = failedAt.get(index);
            const what = `${message.messageId ?? '(no messageId)'} ${message.schema ?? '(no schema)'} from ${senderId}`;
            if (reason) process.stderr.write(`${message.source}: NOT sent ${what}: ${reason}\n`);
            else process.stdout.write(`sent ${what} -> ${queue.name}\n`);
          });
          failures += failed.length;
        }
        if (failures > 0) process.exitCode = EXIT_FAILURE;
      });
    });
}

/** Reads every file and groups the messages by sender; undefined (exit 2) when any file is unusable. */
async function plan(
  files: readonly string[],
  options: SendOptions,
): Promise<Map<string, OutgoingMessage[]> | undefined> {
  const problems: string[] = [];
  const bySender = new Map<string, OutgoingMessage[]>();
  if (options.as !== undefined) {
    const institution = findInstitution(REGISTRY, options.as);
    if (!institution || !isSender(institution))
      problems.push(`--as ${options.as}: not a sending institution in config/institutions.json`);
  }
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
    } catch (error) {
      problems.push(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    const read = readMessages(file === '-' ? '(stdin)' : file, text, options.as !== undefined);
    problems.push(...read.problems);
    for (const message of read.messages) {
      const senderId = options.as ?? message.senderId;
      const institution = senderId === undefined ? undefined : findInstitution(REGISTRY, senderId);
      if (!institution || !isSender(institution)) {
        problems.push(
          `${message.source}: sender.id ${JSON.stringify(senderId ?? null)} is not a sending institution in config/institutions.json (use --as to choose the queue)`,
        );
        continue;
      }
      bySender.set(institution.id, [...(bySender.get(institution.id) ?? []), message]);
    }
  }
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\nNothing was sent.\n`);
    process.exitCode = EXIT_INVALID_INPUT;
    return undefined;
  }
  return bySender;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
