// The console's reads: role-scoped lists through the list indexes (never a scan), each page
// resumable with an opaque cursor. Filters the index cannot key on are DynamoDB filter
// expressions on the projected row, so a page may come back short; the caller asks for more.
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { DECISIONS } from '../contract/reason-codes.ts';
import { verificationRequestBody } from '../contract/verification-request.ts';
import { SK_PREFIX, personIdOfPk, prisonerPk } from './keys.ts';
import { queryAll } from './query-all.ts';
import { applicationListing, storedRuling, storedStatus, type StoredStatus } from './records.ts';

export interface Page<T> {
  readonly rows: T[];
  /** Pass back to get the next page; absent on the last page. */
  readonly cursor?: string;
}

export const caseRow = z.object({
  pk: z.string(),
  applicationId: z.string(),
  prisonId: z.string(),
  hearingCourtId: z.string(),
  firstSubmittedUtc: z.string(),
  listing: applicationListing,
  decision: z.optional(z.enum(DECISIONS)),
  revision: z.optional(z.number()),
  evaluatedAt: z.optional(z.string()),
  closed: z.optional(z.boolean()),
  rulings: z._default(z.record(z.string(), storedRuling), {}),
});
export type CaseRow = z.infer<typeof caseRow> & { readonly personId: string };

export interface CaseListQuery {
  readonly by: { readonly hearingCourtId: string } | { readonly prisonId: string };
  /** UTC instants, inclusive, on the first submission time. */
  readonly fromUtc?: string;
  readonly toUtc?: string;
  readonly decision?: (typeof DECISIONS)[number];
  readonly prisonId?: string;
  readonly kind?: 'COMMUTATION' | 'PAROLE';
  readonly prisonerNo?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/** Applications of a hearing court or a prison, newest first. */
export async function listCases(
  db: DynamoDBDocumentClient,
  table: string,
  query: CaseListQuery,
): Promise<Page<CaseRow>> {
  const [indexName, partition, value] =
    'hearingCourtId' in query.by
      ? ['byHearingCourt', 'hearingCourtId', query.by.hearingCourtId]
      : ['byPrison', 'prisonId', query.by.prisonId];
  const names: Record<string, string> = { '#p': partition };
  if (query.fromUtc || query.toUtc) names['#t'] = 'firstSubmittedUtc';
  const values: Record<string, unknown> = { ':p': value };
  let keyCondition = '#p = :p';
  if (query.fromUtc && query.toUtc) {
    keyCondition += ' AND #t BETWEEN :from AND :to';
    Object.assign(values, { ':from': query.fromUtc, ':to': query.toUtc });
  } else if (query.fromUtc) {
    keyCondition += ' AND #t >= :from';
    values[':from'] = query.fromUtc;
  } else if (query.toUtc) {
    keyCondition += ' AND #t <= :to';
    values[':to'] = query.toUtc;
  }
  const filters: string[] = [];
  if (query.decision) {
    filters.push('#decision = :decision');
    names['#decision'] = 'decision';
    values[':decision'] = query.decision;
  }
  if (query.prisonId && 'hearingCourtId' in query.by) {
    filters.push('#prison = :prison');
    names['#prison'] = 'prisonId';
    values[':prison'] = query.prisonId;
  }
  if (query.kind || query.prisonerNo) names['#listing'] = 'listing';
  if (query.kind) {
    filters.push('#listing.#kind = :kind');
    names['#kind'] = 'kind';
    values[':kind'] = query.kind;
  }
  if (query.prisonerNo) {
    filters.push('#listing.#no = :no');
    names['#no'] = 'prisonerNo';
    values[':no'] = query.prisonerNo;
  }
  return pagedQuery(
    db,
    {
      TableName: table,
      IndexName: indexName,
      KeyConditionExpression: keyCondition,
      ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
    },
    query,
    (item) => ({ ...caseRow.parse(item), personId: personIdOfPk(String(item.pk)) }),
    indexKeyOf(partition, 'firstSubmittedUtc'),
  );
}

export const requestRow = z.object({
  pk: z.string(),
  body: verificationRequestBody,
  enforcingCourtId: z.string(),
  prisonId: z.optional(z.string()),
  dueAt: z.string(),
});
export type RequestRow = z.infer<typeof requestRow> & { readonly personId: string };

/** Verification requests of an enforcing court, or about a prison's applications, by due date. */
export async function listRequests(
  db: DynamoDBDocumentClient,
  table: string,
  query: {
    readonly by: { readonly enforcingCourtId: string } | { readonly prisonId: string };
    /** Only those due before this UTC instant (overdue ones: now). */
    readonly dueBeforeUtc?: string;
    readonly limit: number;
    readonly cursor?: string;
  },
): Promise<Page<RequestRow>> {
  const [indexName, partition, value] =
    'enforcingCourtId' in query.by
      ? ['requestsByEnforcingCourt', 'enforcingCourtId', query.by.enforcingCourtId]
      : ['requestsByPrison', 'prisonId', query.by.prisonId];
  return pagedQuery(
    db,
    {
      TableName: table,
      IndexName: indexName,
      KeyConditionExpression: query.dueBeforeUtc ? '#p = :p AND #d < :before' : '#p = :p',
      ExpressionAttributeNames: { '#p': partition, ...(query.dueBeforeUtc ? { '#d': 'dueAt' } : {}) },
      ExpressionAttributeValues: { ':p': value, ...(query.dueBeforeUtc ? { ':before': query.dueBeforeUtc } : {}) },
      ScanIndexForward: true,
    },
    query,
    (item) => ({ ...requestRow.parse(item), personId: personIdOfPk(String(item.pk)) }),
  );
}

export const rejectionRow = z.object({
  pk: z.string(),
  queueOwnerId: z.string(),
  receivedAt: z.string(),
  reason: z.string(),
  queue: z.string(),
  rejectedMessageId: z.optional(z.string()),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type RejectionRow = z.infer<typeof rejectionRow>;

/** Rejections of what an institution sent (its quarantined messages), newest first. */
export async function listRejections(
  db: DynamoDBDocumentClient,
  table: string,
  query: { readonly institutionId: string; readonly limit: number; readonly cursor?: string },
): Promise<Page<RejectionRow>> {
  return pagedQuery(
    db,
    {
      TableName: table,
      IndexName: 'byQueueOwner',
      KeyConditionExpression: '#o = :o',
      ExpressionAttributeNames: { '#o': 'queueOwnerId' },
      ExpressionAttributeValues: { ':o': query.institutionId },
      ScanIndexForward: false,
    },
    query,
    (item) => rejectionRow.parse(item),
  );
}

/** Items a filtered query examines per call: DynamoDB applies Limit before the filter. */
const FILTERED_READ = 250;

/**
 * Query pages until `limit` rows passed the filter or the index is exhausted (at most 20 calls).
 * With a filter each call examines FILTERED_READ items, so a rare match (a prisoner number among
 * thousands) is found in one request; rows beyond `limit` are cut and the cursor is the last
 * returned row's key (table keys and index keys, all projected), so no row is skipped.
 */
async function pagedQuery<T>(
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
  page: { readonly limit: number; readonly cursor?: string },
  parse: (item: Record<string, unknown>) => T,
  keyOf?: (item: Record<string, unknown>) => Record<string, unknown>,
): Promise<Page<T>> {
  const filtered = input.FilterExpression !== undefined && keyOf !== undefined;
  const rows: T[] = [];
  let start = page.cursor ? decodeCursor(page.cursor) : undefined;
  for (let round = 0; round < 20; round += 1) {
    const result = await db.send(
      new QueryCommand({
        ...input,
        Limit: filtered ? FILTERED_READ : page.limit - rows.length,
        ExclusiveStartKey: start,
      }),
    );
    const items = result.Items ?? [];
    for (const [index, item] of items.entries()) {
      rows.push(parse(item));
      if (filtered && rows.length === page.limit && (index < items.length - 1 || result.LastEvaluatedKey))
        return { rows, cursor: encodeCursor(keyOf(item)) };
    }
    start = result.LastEvaluatedKey;
    if (!start || rows.length >= page.limit) break;
  }
  return { rows, ...(start ? { cursor: encodeCursor(start) } : {}) };
}

/** The key a list-index query resumes after: the table's keys and the index's. */
const indexKeyOf =
  (partition: string, sort: string) =>
  (item: Record<string, unknown>): Record<string, unknown> => ({
    pk: item.pk,
    sk: item.sk,
    [partition]: item[partition],
    [sort]: item[sort],
  });

const cursorKey = z.record(z.string(), z.union([z.string(), z.number()]));

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** A cursor the client sent back; anything malformed is a bad request, not a crash. */
export function decodeCursor(cursor: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const result = cursorKey.safeParse(parsed);
  if (!result.success) throw new InvalidCursorError();
  return result.data;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor: not a cursor this service issued');
    this.name = 'InvalidCursorError';
  }
}

/** The newest statuses of one judgment's items for a prisoner (to tell answered requests). */
export async function statusesOfJudgment(
  db: DynamoDBDocumentClient,
  table: string,
  personId: string,
  judgmentId: string,
): Promise<StoredStatus[]> {
  const items = await queryAll(db, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': prisonerPk(personId), ':prefix': `${SK_PREFIX.status}${judgmentId}#` },
  });
  return items.map((item) => storedStatus.parse(item));
}
