// `linkage evaluate` as a user runs it: a real child process through the bin launcher.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseFile, dossier, status } from '../../../generators/case.ts';

const bin = fileURLToPath(new URL('../../../bin/linkage.js', import.meta.url));
const example = fileURLToPath(new URL('../../../../shared/contract/examples/case.json', import.meta.url));
const linkage = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

function writeCase(value: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'linkage-cli-')), 'case.json');
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

// Each test starts Node processes: seconds apiece on a loaded machine, so more than vitest's 5 s.
describe('linkage evaluate', { timeout: 30_000 }, () => {
  it('prints the flag body as JSON and exits 0', () => {
    const run = linkage('evaluate', example);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      applicationId: 'FJ-P01-2026-0042',
      decision: 'CLEAR',
      ability: 'UNABLE',
      revision: 1,
    });
  });

  it('reads the case from stdin with -', () => {
    const out = execFileSync(process.execPath, [bin, 'evaluate', '-'], {
      input: JSON.stringify(caseFile({ messages: [dossier(), status()] })),
      encoding: 'utf8',
    });
    expect(JSON.parse(out).decision).toBe('CLEAR');
  });

  it('exits 2 with one `<index>.<path>: problem` line per error and nothing on stdout', () => {
    const bad = status();
    const file = writeCase(
      caseFile({
        messages: [dossier(), { ...bad, body: { ...bad.body, personId: '350802198001011237', dueFen: 1.5 } }],
      }),
    );
    const run = linkage('evaluate', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      '1.body.personId: check digit is 1, not 7',
      '1.body.dueFen: must be a whole number of fen (1 yuan = 100 fen)',
    ]);
  });

  it('exits 2 for a case without a dossier, non-JSON and a missing file', () => {
    expect(linkage('evaluate', writeCase(caseFile({ messages: [status()] }))).stderr).toBe(
      'messages: a case needs a linkage.reduction-dossier.v1 message\n',
    );
    const nonJson = linkage('evaluate', writeCase('{not json'));
    expect(nonJson.status).toBe(2);
    expect(nonJson.stderr).toMatch(/^\(case file\): is not valid JSON/);
    const missing = linkage('evaluate', '/nonexistent/case.json');
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
  }, 30_000); // three CLI processes: seconds each on a busy 2-core machine

  it('has help', () => {
    const run = linkage('evaluate', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<message index>.<path>');
  });
});
