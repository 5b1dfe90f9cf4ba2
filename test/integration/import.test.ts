// `linkage import statuses`: a court's CSV export, checked row by row against the contract,
// sent in batches, bad rows reported with their line numbers, and an import killed half-way
// resumed without losing a row. No functions run here: the messages stay on the queue.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReceiveMessageCommand, DeleteMessageBatchCommand } from '@aws-sdk/client-sqs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundQueue } from '../../shared/resources/queues.ts';
import { identityNumber } from '../../local/demo/messages.ts';
import { checkpointPath, rejectedPath } from '../../cli/import-checkpoint.ts';
import { cliEnvironment, runCli, startCli } from './cli-process.ts';
import { startTestService, type TestService } from './harness.ts';

const COURT = 'FJ-LY-XL';
const HEADER =
  'judgmentId,itemNo,personId,kind,dueFen,payments,assetSearchCompletedOn,assetSearchExecutableAssetsFound,documents,asOf,version';
const person = identityNumber('350802', '1980-02-29', 7);

let test: TestService;
let env: NodeJS.ProcessEnv;
let work: string;

beforeAll(async () => {
  test = await startTestService({ runner: { functions: [] } });
  env = cliEnvironment(test);
  work = mkdtempSync(join(tmpdir(), 'linkage-import-'));
});

afterAll(async () => {
  await test?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

function row(n: number): string {
  return `"(2020)闽0802刑初${n}号",1,${person},FINE,100000,R${n}:40000:RELATIVE:2025-03-01,2025-06-30,false,ENFORCEMENT_RULING:ER-${n}:2024-01-05,2026-11-01T10:00:00+08:00,1`;
}

/** Receives and deletes everything on the court's inbound queue. */
async function drainInbound(): Promise<{ messageId: string; body: { judgmentId: string } }[]> {
  const { clients, endpoints } = test.service;
  const url = `${endpoints.queueUrlBase}/${inboundQueue(endpoints.stage, COURT).name}`;
  const all: { messageId: string; body: { judgmentId: string } }[] = [];
  for (;;) {
    const { Messages = [] } = await clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (Messages.length === 0) return all;
    all.push(...Messages.map((m) => JSON.parse(m.Body!)));
    await clients.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
  }
}

describe('linkage import statuses', () => {
  it('sends every good row and reports every bad one with its line number', async () => {
    const csv = join(work, 'small.csv');
    const lines = [
      HEADER,
      row(1),
      row(2).replace(',FINE,', ',PENALTY,'),
      row(3),
      '"(2020)闽0802刑初4号",1,only three fields',
      row(5).replace('R5:40000', 'R5:400000'),
    ];
    writeFileSync(csv, `${lines.join('\r\n')}\r\n`);
    const result = await runCli(['import', 'statuses', csv, '--as', COURT], env);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toContain('2 status(es)');
    expect(result.stdout).toContain('3 row(s) rejected');
    expect(result.stderr).toMatch(new RegExp(`${csv}:3: kind: `));
    expect(result.stderr).toContain(`${csv}:5: has 3 fields, the header has 11`);
    expect(result.stderr).toMatch(
      new RegExp(`${csv}:6: payments: payments plus escrow \\(400000 fen\\) exceed dueFen`),
    );
    const rejected = parse(readFileSync(rejectedPath(csv), 'utf8'), { columns: true, relax_column_count: true }) as {
      sourceLine: string;
    }[];
    expect(rejected.map((r) => r.sourceLine)).toEqual(['3', '5', '6']);

    const sent = await drainInbound();
    expect(sent.map((m) => m.body.judgmentId).sort()).toEqual(['(2020)闽0802刑初1号', '(2020)闽0802刑初3号']);
    expect(existsSync(checkpointPath(csv))).toBe(false);
  });

  it('resumes an import killed half-way, losing no row', async () => {
    const csv = join(work, 'large.csv');
    const rows = 4000;
    const badLines = new Set([101, 3001]);
    const lines = [HEADER];
    for (let n = 1; n <= rows; n += 1)
      lines.push(badLines.has(n + 1) ? row(n).replace(person, `${person.slice(0, 17)}Y`) : row(n));
    writeFileSync(csv, `${lines.join('\n')}\n`);

    const first = startCli(['import', 'statuses', csv, '--as', COURT], env);
    while (!existsSync(checkpointPath(csv))) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal, 'the import finished before it could be interrupted').toBe('SIGKILL');
    const stoppedAfter = (JSON.parse(readFileSync(checkpointPath(csv), 'utf8')) as { lastLine: number }).lastLine;
    expect(stoppedAfter).toBeLessThan(rows + 1);

    const second = await runCli(['import', 'statuses', csv, '--as', COURT], env);
    expect(second.stderr).toContain(`Resuming after line ${stoppedAfter}`);
    expect(second.code).toBe(2);
    expect(second.stdout).toContain('2 row(s) rejected');
    expect(existsSync(checkpointPath(csv))).toBe(false);

    const sent = await drainInbound();
    const distinct = new Set(sent.map((m) => m.messageId));
    expect(distinct.size).toBe(rows - badLines.size);
    // At most the batch in flight when the process died is sent twice; the service drops duplicates.
    expect(sent.length - distinct.size).toBeLessThanOrEqual(10);
    const rejected = parse(readFileSync(rejectedPath(csv), 'utf8'), { columns: true }) as { sourceLine: string }[];
    // A kill between writing the rejected rows and the checkpoint could repeat a row there, never lose one.
    expect([...new Set(rejected.map((r) => Number(r.sourceLine)))]).toEqual([...badLines]);
  });
});
