// `linkage evaluate CASE.json`: the flag a case would produce, as JSON on stdout.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { evaluateCaseText } from '../../shared/rules/evaluate-case.ts';
import { EXIT_INVALID_INPUT } from '../exit-codes.ts';

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('print the fulfilment flag a case file would produce (pure: no queues, no tables)')
    .argument('<case-file>', 'JSON file: { "now": instant, "policy"?: {...}, "messages": [...] }; - reads stdin')
    .addHelpText(
      'after',
      '\nExit codes: 0 the flag body is on stdout; 2 the input is invalid, one line per problem on stderr:\n  <message index>.<path>: <problem>',
    )
    .action(async (file: string) => {
      let text: string;
      try {
        text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
      } catch (error) {
        process.stderr.write(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
        process.exitCode = EXIT_INVALID_INPUT;
        return;
      }
      const result = evaluateCaseText(text);
      if (!result.ok) {
        const lines = result.problems.map((p) => `${p.path === '' ? '(case file)' : p.path}: ${p.message}`);
        process.stderr.write(`${lines.join('\n')}\n`);
        process.exitCode = EXIT_INVALID_INPUT;
        return;
      }
      process.stdout.write(`${JSON.stringify(result.value.flag, null, 2)}\n`);
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
