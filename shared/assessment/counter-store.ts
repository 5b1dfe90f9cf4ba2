// The assessment table: one item per institution and local day, pk `<institutionId>#<yyyy-mm>`,
// sk `<yyyy-mm-dd>`. An event adds to its day's counters in ONE conditional UpdateItem that
// also adds the event's token to the item's token set, on condition that the token is not in it
// yet: the increment and the "already counted" mark are the same atomic write, so a redelivered
// or retried event is refused by the condition, whatever happened before (dynalite has no
// TransactWriteItems; none is needed). The token set grows with the day's events of one
// institution (16 characters each), which is why items are per day: see docs/assessment.md.
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sha256Hex } from '../ids/hashing.ts';
import { isConditionalCheckFailed } from '../storage/conditional.ts';
import { queryAll } from '../storage/query-all.ts';
import { addCounts, type Counts } from './figures.ts';

export interface DayCounters {
  readonly institutionId: string;
  readonly day: string;
  readonly counts: Counts;
}

/**
 * A day's counters are split over up to 4,096 items by the token's first three hex digits, so
 * an update (billed by the whole item's size) stays about 1 KB however busy the day: the
 * linkage's own figures count every delivered flag of the country, which in a backfill day
 * (about a million flags) would put 62,500 tokens, over 1 MB, in each of 16 items: past
 * DynamoDB's 400 KB item limit, so the count and with it the evaluation would fail. Items exist
 * only where an event landed; a month is still one Query of its partition.
 */
export const SHARD_DIGITS = 3;

export function counterKey(institutionId: string, day: string, token: string) {
  return { pk: `${institutionId}#${day.slice(0, 7)}`, sk: `${day}#${token.slice(0, SHARD_DIGITS)}` };
}

/** The token of an event: its identity hashed, short. */
export function eventToken(...parts: string[]): string {
  return sha256Hex(...parts).slice(0, 16);
}

/**
 * Adds `add` to the day's counters unless the event was counted already.
 * Returns false for an event counted before (a redelivery).
 */
export async function countEvent(
  db: DynamoDBDocumentClient,
  table: string,
  event: { institutionId: string; day: string; token: string; add: Readonly<Counts> },
): Promise<boolean> {
  const names: Record<string, string> = { '#tokens': 'tokens', '#inst': 'institutionId' };
  const values: Record<string, unknown> = {
    ':token': event.token,
    ':tokens': new Set([event.token]),
    ':inst': event.institutionId,
  };
  const adds = ['#tokens :tokens'];
  Object.entries(event.add).forEach(([name, value], i) => {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`counter name ${name} is not an attribute name`);
    names[`#c${i}`] = name;
    values[`:c${i}`] = value;
    adds.push(`#c${i} :c${i}`);
  });
  try {
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: counterKey(event.institutionId, event.day, event.token),
        UpdateExpression: `ADD ${adds.join(', ')} SET #inst = :inst`,
        ConditionExpression: 'NOT contains(#tokens, :token)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

const NOT_COUNTERS = new Set(['pk', 'sk', 'tokens', 'institutionId']);

function countsOf(item: Record<string, unknown>): Counts {
  const counts: Counts = {};
  for (const [name, value] of Object.entries(item))
    if (!NOT_COUNTERS.has(name) && typeof value === 'number') counts[name] = value;
  return counts;
}

/** Every day of an institution's month, its shards summed (one Query, paged). */
export async function readMonth(
  db: DynamoDBDocumentClient,
  table: string,
  institutionId: string,
  month: string,
): Promise<DayCounters[]> {
  const days = new Map<string, Counts>();
  const items = await queryAll(db, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `${institutionId}#${month}` },
    ConsistentRead: true,
  });
  for (const item of items) {
    const day = String(item.sk).slice(0, 10);
    days.set(day, addCounts(days.get(day) ?? {}, countsOf(item)));
  }
  return [...days].map(([day, counts]) => ({ institutionId, day, counts }));
}

/** Adds to one counter of a day, outside any event (tests plant errors with it). */
export async function addToCounter(
  db: DynamoDBDocumentClient,
  table: string,
  institutionId: string,
  day: string,
  name: string,
  value: number,
): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName: table,
      Key: counterKey(institutionId, day, '0'),
      UpdateExpression: 'ADD #c :v SET #inst = :inst',
      ExpressionAttributeNames: { '#c': name, '#inst': 'institutionId' },
      ExpressionAttributeValues: { ':v': value, ':inst': institutionId },
    }),
  );
}
