// The `linkage` command: one program, one sub-command per file in ./commands.
import { Command } from 'commander';
import { registerEvaluate } from './commands/evaluate.ts';

export function buildProgram(): Command {
  const program = new Command('linkage')
    .description('Property-penalty linkage for commutation and parole (SPC 法释〔2024〕5号): evaluate cases, and talk to the service as an institution.')
    .showHelpAfterError();
  registerEvaluate(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
