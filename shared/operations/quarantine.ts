// What an operator does with rejected messages (`linkage quarantine`, a console page): list
// the quarantine entries (newest first, by institution or reason) and show one with its raw
// text, put back together when it was gzipped and split into parts
// (shared/storage/quarantine-store.ts). Failure notes of the DLQ tools share the table and are
// left out.
import { gunzipSync } from 'node:zlib';
import { GetCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Problem } from '../contract/problems.ts';
import { FAILURE_PREFIX } from '../storage/failure-store.ts';
import { partRef } from '../storage/quarantine-store.ts';

export interface QuarantineSummary {
  readonly quarantineRef: string;
  readonly queue: string;
  readonly queueOwnerId: string;
  readonly receivedAt: string;
  readonly reason: string;
  readonly rejectedMessageId?: string;
  readonly rawBytes: number;
  readonly problems: readonly Problem[];
}

export interface QuarantineEntryText extends QuarantineSummary {
  /** The text exactly as it arrived; undefined when a part is missing. */
  readonly raw: string | undefined;
}

export interface QuarantineFilter {
  readonly institutionId?: string;
  readonly reason?: string;
  readonly limit?: number;
}

const isPart = (pk: string) => /#part-\d+$/.test(pk);

function summaryOf(item: Record<string, unknown>): QuarantineSummary {
  return {
    quarantineRef: String(item.pk),
    queue: String(item.queue ?? ''),
    queueOwnerId: String(item.queueOwnerId ?? ''),
    receivedAt: String(item.receivedAt ?? ''),
    reason: String(item.reason ?? ''),
    ...(typeof item.rejectedMessageId === 'string' ? { rejectedMessageId: item.rejectedMessageId } : {}),
    rawBytes: Number(item.rawBytes ?? 0),
    problems: (item.problems as Problem[] | undefined) ?? [],
  };
}

/** Quarantine entries matching the filter, newest first (a whole-table scan: an operator's tool). */
export async function listQuarantine(
  db: DynamoDBDocumentClient,
  table: string,
  filter: QuarantineFilter = {},
): Promise<QuarantineSummary[]> {
  const found: QuarantineSummary[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: table,
        ExclusiveStartKey: start,
        ProjectionExpression: 'pk, #queue, queueOwnerId, receivedAt, reason, rejectedMessageId, rawBytes, problems',
        ExpressionAttributeNames: { '#queue': 'queue' },
      }),
    );
    for (const item of page.Items ?? []) {
      const pk = String(item.pk);
      if (pk.startsWith(FAILURE_PREFIX) || isPart(pk)) continue;
      const summary = summaryOf(item);
      if (filter.institutionId && summary.queueOwnerId !== filter.institutionId) continue;
      if (filter.reason && summary.reason !== filter.reason) continue;
      found.push(summary);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  found.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
  return filter.limit === undefined ? found : found.slice(0, filter.limit);
}

/** One entry with its raw text, or undefined when there is none under this ref. */
export async function showQuarantined(
  db: DynamoDBDocumentClient,
  table: string,
  quarantineRef: string,
): Promise<QuarantineEntryText | undefined> {
  if (quarantineRef.startsWith(FAILURE_PREFIX) || isPart(quarantineRef)) return undefined;
  const get = async (pk: string) =>
    (await db.send(new GetCommand({ TableName: table, Key: { pk }, ConsistentRead: true }))).Item;
  const main = await get(quarantineRef);
  if (!main) return undefined;
  return { ...summaryOf(main), raw: await rawText(main, (index) => get(partRef(quarantineRef, index))) };
}

/** The raw text of a main item, fetching parts as needed; undefined when one is missing. */
export async function rawText(
  main: Record<string, unknown>,
  part: (index: number) => Promise<Record<string, unknown> | undefined> | Record<string, unknown> | undefined,
): Promise<string | undefined> {
  if (typeof main.raw === 'string') return main.raw;
  if (!(main.rawGzip instanceof Uint8Array)) return undefined;
  const parts: Uint8Array[] = [main.rawGzip];
  for (let index = 1; index < Number(main.parts ?? 1); index += 1) {
    const zipped = (await part(index))?.rawGzip;
    if (!(zipped instanceof Uint8Array)) return undefined;
    parts.push(zipped);
  }
  return gunzipSync(Buffer.concat(parts)).toString('utf8');
}
