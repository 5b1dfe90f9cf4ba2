// The operator tools as an operator uses them, through the `linkage` command in a child
// process: a message a code bug makes fail goes to its dead-letter queue; `dlq list` and
// `dlq show` show it with its last error; the bug is fixed (here: the planted failure is
// removed); `dlq redrive --dry-run` moves nothing, `dlq redrive` sends it back and the service
// converges; a second redrive changes nothing. `quarantine list|show` find a rejected text.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '../../shared/pipeline/runtime.ts';
import { inboundQueue } from '../../shared/resources/queues.ts';
import { tableName } from '../../shared/resources/tables.ts';
import { statusKey } from '../../shared/storage/keys.ts';
import { DemoClock } from '../../local/demo/messages.ts';
import { rejectionsIn } from '../../local/demo/outbox.ts';
import { knownStatuses } from '../../local/demo/scenario.ts';
import { cliEnvironment, runCli } from './cli-process.ts';
import { documentClient, EXTERNAL, startTestService, type TestService } from './harness.ts';

type Next = (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;
interface Stack {
  add(mw: (next: Next, context: { commandName?: string }) => Next, options: Record<string, unknown>): void;
  remove(name: string): boolean;
}
const stack = dynamoClient.middlewareStack as unknown as Stack;

let test: TestService;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  // Failed records come back after 1 s, so maxReceiveCount (4) is reached within the test.
  test = await startTestService({ runner: { failedVisibilitySeconds: 1 } });
  env = cliEnvironment(test);
});

afterAll(async () => {
  stack.remove('operatorToolsBug');
  await test?.stop();
});

const cli = async (...args: string[]) => {
  const result = await runCli(args, env);
  expect(result.code, `linkage ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
};

describe.skipIf(EXTERNAL)('linkage dlq and quarantine', () => {
  it('shows a poison message with its error, redrives it once the bug is fixed, and a second redrive changes nothing', async () => {
    const status = knownStatuses(new DemoClock(Date.now()))[0]!;
    const court = status.sender.id;
    const { stage } = test.service.endpoints;
    const key = statusKey(status.body.personId, status.body.judgmentId, status.body.itemNo);
    // The bug: storing this status fails, every time.
    stack.add(
      (next, context) => async (args) => {
        const text = JSON.stringify(args.input.Item ?? null);
        if (/^Put/.test(context.commandName ?? '') && text.includes(JSON.stringify(key.sk)))
          throw Object.assign(new Error('simulated bug: cannot store this status'), { name: 'SimulatedBugError' });
        return next(args);
      },
      { step: 'initialize', priority: 'low', name: 'operatorToolsBug' },
    );
    await test.send(status);
    const dlqName = inboundQueue(stage, court).dlqName;
    // Received four times (maxReceiveCount), failed each time, then moved to the DLQ.
    for (let waited = 0; !(await cli('dlq', 'list')).includes(dlqName) && waited < 60; waited += 1)
      await new Promise((resolve) => setTimeout(resolve, 1000));

    const list = await cli('dlq', 'list');
    expect(list).toMatch(new RegExp(`${dlqName}\\s+1\\s`));
    const shown = await cli('dlq', 'show', '--queue', court);
    expect(shown).toContain(status.messageId);
    expect(shown).toContain('SimulatedBugError: simulated bug: cannot store this status');
    expect(shown, 'no body without --body').not.toContain(status.body.personId);
    const json = await cli('dlq', 'show', '--queue', dlqName, '--json');
    const asJson = JSON.parse(json) as {
      dlq: string;
      messages: { body: string; lastError?: { receiveCount: number } }[];
    }[];
    const letters = asJson.find((q) => q.dlq === dlqName)?.messages ?? [];
    expect(
      letters.map((m) => m.body),
      json,
    ).toEqual([JSON.stringify(status)]);
    expect(letters[0]!.lastError?.receiveCount).toBe(4);

    // The bug is fixed (a new version deployed).
    stack.remove('operatorToolsBug');
    expect(await cli('dlq', 'redrive', '--queue', court, '--dry-run')).toContain(
      '1 message(s) would be redriven (dry run: nothing moved)',
    );
    expect(await cli('dlq', 'list')).toContain(dlqName);
    expect(await cli('dlq', 'redrive', '--queue', court)).toContain('1 message(s) redriven');
    await test.settle();

    const db = documentClient(test);
    const stored = await db.send(
      new GetCommand({ TableName: tableName(stage, 'cases'), Key: key, ConsistentRead: true }),
    );
    expect(stored.Item?.version).toBe(status.body.version);
    expect(await cli('dlq', 'list')).toContain('0 message(s)');

    const before = JSON.stringify(stored.Item);
    expect(await cli('dlq', 'redrive')).toContain('0 message(s) redriven');
    await test.settle();
    const after = await db.send(
      new GetCommand({ TableName: tableName(stage, 'cases'), Key: key, ConsistentRead: true }),
    );
    expect(JSON.stringify(after.Item)).toBe(before);
  });

  it('lists and shows a rejected message, its text only when asked', async () => {
    const text = '{"schema": "linkage.reduction-dossier.v1", "oops"';
    await test.sendText('FJ-P02', text);
    await test.settle();
    const [rejection] = rejectionsIn(await test.drain('FJ-P02'));
    const ref = rejection!.body.quarantineRef;

    const list = await cli('quarantine', 'list', '--institution', 'FJ-P02');
    expect(list).toContain(ref);
    expect(list).toContain('invalid-json');
    expect(list, 'failure notes are not quarantine entries').not.toContain('failure#');
    const shown = await cli('quarantine', 'show', ref);
    expect(shown).toContain('invalid-json');
    expect(shown).not.toContain(text);
    expect(await cli('quarantine', 'show', ref, '--raw')).toContain(text);
    const missing = await runCli(['quarantine', 'show', 'no-such-ref'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No quarantine entry no-such-ref');
  });
});
