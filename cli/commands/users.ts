// `linkage users add USERNAME --institution ID --role ROLE`: a local console user (local mode;
// on AWS the operator's identity provider holds the users). The password is read from standard
// input, so it never appears in the shell history or the process list.
import type { Command } from 'commander';
import { projectDataDir } from '../../local/endpoints-file.ts';
import { EXIT_INVALID_INPUT } from '../exit-codes.ts';

// The API's role names, spelled here so the help prints without loading the API's modules.
const ROLES = [
  'JUDGE',
  'CLERK',
  'PROCURATOR',
  'ADMINISTRATOR',
  'OPERATOR (the service id only)',
  'PROVINCIAL_ADMIN (--institution is a province code, e.g. FJ: its assessment figures only)',
] as const;

// Loaded when a users command runs, so the other commands start no slower.
const userStore = async () => {
  const { UserStore, usersFileIn } = await import('../../api/auth/user-store.ts');
  return new UserStore(usersFileIn(projectDataDir()));
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('local console users (kept in the data folder)');
  users
    .command('add')
    .description('add or replace a local console user; the password is read from standard input')
    .argument('<username>', 'e.g. ly-judge (lower case)')
    .requiredOption(
      '--institution <id>',
      'institution id from config/institutions.json, e.g. FJ-LY-ZY (its service id, LINKAGE, for an operator; a province code, FJ, for a provincial administrator)',
    )
    .requiredOption('--role <role>', ROLES.join(' | '))
    .addHelpText(
      'after',
      "\nExample:  printf '%s' 'a long password' | npx linkage users add ly-judge --institution FJ-LY-ZY --role JUDGE\n          printf '%s' 'a long password' | npx linkage users add fj-admin --institution FJ --role PROVINCIAL_ADMIN\nExit codes: 0 added; 2 invalid input.",
    )
    .action(async (username: string, options: { institution: string; role: string }) => {
      if (process.stdin.isTTY) process.stderr.write('Password (then Enter, Ctrl-D): ');
      const password = await readStdin();
      const store = await userStore();
      const { REGISTRY } = await import('../../local/registry.ts');
      try {
        const user = await store.add(
          { username, institutionId: options.institution, role: options.role, password },
          REGISTRY,
        );
        process.stdout.write(`User ${user.username} (${user.role} at ${user.institutionId}) saved.\n`);
      } catch (error) {
        process.stderr.write(`${(error as Error).message}\n`);
        process.exitCode = EXIT_INVALID_INPUT;
      }
    });
  users
    .command('list')
    .description('list the local console users (no passwords)')
    .action(async () => {
      const store = await userStore();
      for (const u of store.list()) process.stdout.write(`${u.username}\t${u.institutionId}\t${u.role}\n`);
    });
}
