// The institution CLI against a running service, as a separate process with no
// configuration: send, inbox, show; and the acceptance check itself: the flag the hearing
// court receives equals what `linkage evaluate` gives on the same facts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoClock } from '../../local/demo/messages.ts';
import { dossiers, knownStatuses, story } from '../../local/demo/scenario.ts';
import { cliEnvironment, runCli } from './cli-process.ts';
import { startTestService, type TestService } from './harness.ts';

let test: TestService;
let env: NodeJS.ProcessEnv;
let work: string;
const unable = story('unable');

beforeAll(async () => {
  test = await startTestService();
  env = cliEnvironment(test);
  work = mkdtempSync(join(tmpdir(), 'linkage-cli-'));
});

afterAll(async () => {
  await test?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const file = (name: string, content: string) => {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
};

describe('linkage send / inbox / show / evaluate', () => {
  it('sends JSON and NDJSON files, and the flag in the inbox equals `linkage evaluate` on the same facts', async () => {
    const clock = new DemoClock(Date.now());
    const status = knownStatuses(clock).find((m) => m.body.personId === unable.prisoner.personId)!;
    const dossier = dossiers(clock).find((m) => m.body.applicationId === unable.applicationId)!;
    const statusFile = file('status.ndjson', `${JSON.stringify(status)}\n`);
    const dossierFile = file('dossier.json', JSON.stringify(dossier, null, 2));

    const sent = await runCli(['send', statusFile], env);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toContain(`sent ${status.messageId}`);
    await test.settle();
    expect((await runCli(['send', dossierFile], env)).code).toBe(0);
    await test.settle();

    const inbox = await runCli(['inbox', '--as', 'FJ-LY-ZY', '--json'], env);
    expect(inbox.code, inbox.stderr).toBe(0);
    const flags = inbox.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { schema: string; body: { applicationId: string; evaluatedAt: string } });
    expect(flags.map((f) => f.schema)).toEqual(['linkage.fulfilment-flag.v1']);

    const caseFile = file(
      'case.json',
      JSON.stringify({ now: flags[0]!.body.evaluatedAt, messages: [dossier, status] }),
    );
    const evaluated = await runCli(['evaluate', caseFile], env);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(JSON.parse(evaluated.stdout)).toEqual(flags[0]!.body);

    expect((await runCli(['inbox', '--as', 'FJ-LY-ZY', '--json'], env)).stdout).toBe('');
  });

  it('prints the inbox readably and acknowledges it', async () => {
    const inbox = await runCli(['inbox', '--as', unable.prisonId], env);
    expect(inbox.code).toBe(0);
    expect(inbox.stdout).toContain(`FULFILMENT FLAG ${unable.applicationId} revision 1: CLEAR`);
    expect(inbox.stdout).toContain('PP-UNABLE');
    expect(inbox.stderr).toContain('1 message(s)');
    expect((await runCli(['inbox', '--as', unable.prisonId], env)).stderr).toContain('0 message(s)');
  });

  it('shows the decision and its revision history, without the name or identity number', async () => {
    const shown = await runCli(['show', unable.applicationId], env);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`prisoner no. ${unable.prisoner.prisonerNo}`);
    expect(shown.stdout).toMatch(/Revision history[\s\S]*r1 +\S+ +CLEAR/);
    const json = await runCli(['show', unable.applicationId, '--json'], env);
    const parsed = JSON.parse(json.stdout) as { revisions: { revision: number; flag: { decision: string } }[] };
    expect(parsed.revisions.map((r) => [r.revision, r.flag.decision])).toEqual([[1, 'CLEAR']]);
    for (const output of [shown.stdout, json.stdout]) {
      expect(output).not.toContain(unable.prisoner.personId);
      expect(output).not.toContain(unable.prisoner.name);
    }
    expect((await runCli(['show', 'NO-SUCH-APPLICATION'], env)).code).toBe(1);
  });

  it('refuses files that are not JSON, naming file and line, and sends nothing', async () => {
    const bad = file('bad.ndjson', '{"schema":"linkage.ruling.v1","sender":{"id":"FJ-LY-ZY"}}\n{ not json\n');
    const result = await runCli(['send', bad], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}:2: not valid JSON`);
    expect(result.stderr).toContain('Nothing was sent.');
  });

  it('sends raw text with --as, and the rejection reaches that institution', async () => {
    const junk = file('junk.txt', 'this is not a message');
    const sent = await runCli(['send', '--as', 'FJ-LY-XL', junk], env);
    expect(sent.code, sent.stderr).toBe(0);
    await test.settle();
    const inbox = await runCli(['inbox', '--as', 'FJ-LY-XL'], env);
    expect(inbox.stdout).toContain('REJECTED (message without a readable id)');
    expect(inbox.stdout).toMatch(/\(message\): .*JSON/);
  });

  it('names unknown institutions', async () => {
    expect((await runCli(['inbox', '--as', 'NOBODY'], env)).code).toBe(2);
  });
});
