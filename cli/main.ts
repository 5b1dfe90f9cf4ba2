// The `linkage` command: one program, one sub-command per file in ./commands.
import { Command } from 'commander';
import { registerDlq } from './commands/dlq.ts';
import { registerEvaluate } from './commands/evaluate.ts';
import { registerImport } from './commands/import.ts';
import { registerInbox } from './commands/inbox.ts';
import { registerQuarantine } from './commands/quarantine.ts';
import { registerReconcile } from './commands/reconcile.ts';
import { registerReport } from './commands/report.ts';
import { registerSend } from './commands/send.ts';
import { registerShow } from './commands/show.ts';
import { registerStats } from './commands/stats.ts';
import { registerUsers } from './commands/users.ts';

export function buildProgram(): Command {
  const program = new Command('linkage')
    .description(
      'Property-penalty linkage for commutation and parole (SPC 法释〔2024〕5号): evaluate cases, and talk to the service as an institution.',
    )
    .showHelpAfterError();
  registerEvaluate(program);
  registerSend(program);
  registerInbox(program);
  registerImport(program);
  registerShow(program);
  registerDlq(program);
  registerQuarantine(program);
  registerUsers(program);
  registerStats(program);
  registerReport(program);
  registerReconcile(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
