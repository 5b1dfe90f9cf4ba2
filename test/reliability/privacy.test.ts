// Part 4 of the reliability suite, besides the log scans of the other runs (every line they
// write is checked for identity numbers and names): the local data folder and what `npm
// start` writes into it are created readable by their owner only, and the log scanner
// itself finds a secret in each form it claims to, so a clean scan means something.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeEndpointsFile } from '../../local/endpoints-file.ts';
import { startEngines } from '../../local/engines.ts';
import { recordFigures } from './support/figures.ts';
import { LogCapture } from './support/log-capture.ts';

const parent = mkdtempSync(join(tmpdir(), 'linkage-privacy-'));

afterAll(() => rmSync(parent, { recursive: true, force: true }));

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the local data folder', () => {
  it('is created readable by its owner only, with everything the engines and npm start put in it', async () => {
    // A folder that does not exist yet, two levels down: every level the engines create counts.
    const dataDir = join(parent, 'fresh', 'data');
    const engines = await startEngines({ dataDir });
    try {
      writeEndpointsFile(dataDir, {
        stage: 'local',
        region: 'us-east-1',
        dynamodbEndpoint: engines.dynamodbEndpoint,
        sqsEndpoint: engines.sqsEndpoint,
        queueUrlBase: engines.queueUrlBase,
        pid: process.pid,
        startedAt: new Date().toISOString(),
      });
    } finally {
      await engines.stop();
    }
    const modes = {
      [join('fresh', 'data')]: modeOf(dataDir),
      [join('fresh', 'data', 'dynamodb')]: modeOf(join(dataDir, 'dynamodb')),
      [join('fresh', 'data', 'sqs')]: modeOf(join(dataDir, 'sqs')),
    };
    const endpointsFile = modeOf(join(dataDir, 'endpoints.json'));
    recordFigures(
      'privacy-data-folder',
      {},
      [
        `umask ${process.umask().toString(8).padStart(3, '0')}: ${Object.entries(modes)
          .map(([p, m]) => `${p} ${m.toString(8)}`)
          .join(', ')}, endpoints.json ${endpointsFile.toString(8)}`,
      ],
      0,
    );
    for (const [path, mode] of Object.entries(modes)) expect(mode.toString(8), path).toBe('700');
    expect(endpointsFile & 0o077, 'endpoints.json readable by others').toBe(0);
  });

  it('is made owner-only when it already exists with looser permissions', async () => {
    const dataDir = join(parent, 'existing');
    mkdirSync(join(dataDir, 'sqs'), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'sqs'), 0o755);
    const engines = await startEngines({ dataDir });
    await engines.stop();
    expect(modeOf(dataDir).toString(8)).toBe('700');
    expect(modeOf(join(dataDir, 'sqs')).toString(8)).toBe('700');
    expect(modeOf(join(dataDir, 'dynamodb')).toString(8)).toBe('700');
  });
});

describe('the log scanner', () => {
  const personId = '359999196501011007';
  const name = '诸葛璟琛';

  it.each([
    ['an identity number', `{"message":"x","personId":"${personId}"}`],
    ['an identity number without its check character', `stored P#${personId.slice(0, 17)}`],
    ['a name', `{"name":"${name}"}`],
    [
      'a JSON-escaped name',
      JSON.stringify({ name }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`),
    ],
    [
      'a JSON-escaped name in capitals',
      `\\u${[...name].map((c) => c.charCodeAt(0).toString(16).toUpperCase()).join('\\u')}`,
    ],
    ['a percent-encoded name', `GET /x?q=${encodeURIComponent(name)}`],
  ])('finds %s', (_what, line) => {
    const capture = new LogCapture({ personIds: [personId], names: [name] });
    capture.start();
    try {
      process.stdout.write(`${line}\n`);
    } finally {
      capture.stop();
    }
    expect(capture.leaks).toHaveLength(1);
    expect(capture.leaks[0]!.line).not.toContain(name);
  });

  it('passes lines without them, including other identity numbers and masked ones', () => {
    const capture = new LogCapture({ personIds: [personId], names: [name] });
    capture.start();
    try {
      console.log('{"personId":"[redacted]","other":"350802198001011231","name":"[redacted]"}');
      process.stderr.write('张某 was not in this run\n');
    } finally {
      capture.stop();
    }
    expect(capture.lines).toBe(2);
    expect(capture.leaks).toEqual([]);
  });
});
