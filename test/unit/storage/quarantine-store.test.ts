// The quarantine keeps every rejected text whole, even past DynamoDB's 400 KB item limit.
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partRef, quarantine, type QuarantineEntry } from '../../../shared/storage/quarantine-store.ts';
import { startLocalDynamo, type LocalDynamo } from '../../support/dynalite.ts';
import { testTableName } from '../../support/function-environment.ts';

let dynamo: LocalDynamo;
const TABLE = testTableName('quarantine');

beforeAll(async () => {
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  await dynamo.stop();
});

function entry(quarantineRef: string, raw: string): QuarantineEntry {
  return {
    quarantineRef,
    raw,
    problems: [{ path: '', message: 'is not valid JSON' }],
    queue: 'linkage-test-in-FJ-LY-XL',
    queueOwnerId: 'FJ-LY-XL',
    receivedAt: '2026-11-20T10:00:05+08:00',
    reason: 'invalid-json',
  };
}

async function read(pk: string): Promise<Record<string, unknown> | undefined> {
  return (await dynamo.db.send(new GetCommand({ TableName: TABLE, Key: { pk } }))).Item;
}

/** Reassembles a quarantined text the way an operator's tool would. */
async function rawText(ref: string): Promise<string> {
  const main = (await read(ref))!;
  if (typeof main.raw === 'string') return main.raw;
  const parts = [main.rawGzip as Uint8Array];
  for (let index = 1; index < Number(main.parts); index += 1)
    parts.push((await read(partRef(ref, index)))!.rawGzip as Uint8Array);
  return gunzipSync(Buffer.concat(parts.map((p) => Buffer.from(p)))).toString('utf8');
}

describe('quarantine', () => {
  it('keeps a small text as it is, with why and where it came from', async () => {
    await quarantine(dynamo.db, TABLE, entry('quarantine/2026-11-20/FJ-LY-XL/small', '{"oops"'));
    expect(await read('quarantine/2026-11-20/FJ-LY-XL/small')).toMatchObject({
      raw: '{"oops"',
      rawBytes: 7,
      reason: 'invalid-json',
      queueOwnerId: 'FJ-LY-XL',
    });
  });

  it('keeps a 1 MiB text that does not compress, in parts, and leaves a second copy alone', async () => {
    const raw = randomBytes(768 * 1024).toString('base64');
    const ref = 'quarantine/2026-11-20/FJ-LY-XL/huge';
    await quarantine(dynamo.db, TABLE, entry(ref, raw));
    await quarantine(dynamo.db, TABLE, entry(ref, raw));
    const main = (await read(ref))!;
    expect(main.parts).toBeGreaterThan(1);
    expect(main.rawBytes).toBe(Buffer.byteLength(raw));
    expect(await rawText(ref)).toBe(raw);
  });
});
