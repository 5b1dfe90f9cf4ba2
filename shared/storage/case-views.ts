// What the console reads about one case beyond the prisoner's partition: the revision
// history, and the access record of console views (who looked at which case, when).
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { fulfilmentFlagObject } from '../contract/fulfilment-flag.ts';
import { decodeCursor, encodeCursor, type Page } from './console-lists.ts';
import { accessKey } from './keys.ts';
import { queryAll } from './query-all.ts';
import { storedFlagJson } from './stored-flag.ts';

/** The flag with the contract v1.1 fields, optional until every revision carries them. */
export const storedFlag = z.lazy(() =>
  z.extend(fulfilmentFlagObject(), {
    remedies: z.optional(
      z.array(
        z.object({
          code: z.string(),
          action: z.string(),
          party: z.string(),
          amountFen: z.optional(z.number()),
          items: z.optional(z.array(z.string())),
          materials: z.optional(z.array(z.string())),
          until: z.optional(z.string()),
          detail: z.string(),
        }),
      ),
    ),
    earliestClearOn: z.optional(z.nullable(z.string())),
    nextChangeAt: z.optional(z.nullable(z.string())),
  }),
);
export type StoredFlag = z.infer<typeof storedFlag>;

export interface RevisionRecord {
  readonly revision: number;
  readonly flag: StoredFlag;
  readonly trigger: string;
  readonly recordedAt: string;
}

/** Every revision of an application, oldest first (one Query on its decisions partition). */
export async function listRevisions(
  db: DynamoDBDocumentClient,
  table: string,
  applicationId: string,
): Promise<RevisionRecord[]> {
  const items = await queryAll(db, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `A#${applicationId}` },
  });
  return items.map((item) => ({
    revision: Number(item.revision),
    flag: storedFlag.parse(storedFlagJson(item)),
    trigger: String(item.trigger),
    recordedAt: String(item.recordedAt),
  }));
}

export const CASE_VIEW_SCHEMA = 'console.case-view';

export interface CaseView {
  readonly institutionId: string;
  /** The institution's kind: why it may see the case. */
  readonly institutionKind: string;
  readonly username: string;
  readonly userRole: string;
  readonly applicationId: string;
  /** The prison of the case: its procuratorate reviews the views (viewsByCasePrison index). */
  readonly casePrisonId: string;
  readonly viewedAt: string;
  readonly viewId: string;
  readonly what: 'case' | 'print';
}

/** Writes one view of a case to the access record. Names the application, never the person. */
export async function recordCaseView(db: DynamoDBDocumentClient, table: string, view: CaseView): Promise<void> {
  await db.send(
    new PutCommand({
      TableName: table,
      Item: {
        ...accessKey(view.institutionId, view.viewedAt, view.viewId),
        schema: CASE_VIEW_SCHEMA,
        role: view.institutionKind,
        ...view,
      },
    }),
  );
}

const caseViewItem = z.object({
  institutionId: z.string(),
  institutionKind: z.string(),
  username: z.string(),
  userRole: z.string(),
  applicationId: z.string(),
  casePrisonId: z.string(),
  viewedAt: z.string(),
  viewId: z.string(),
  what: z.enum(['case', 'print']),
});

/** Views of the cases of one prison, newest first. */
export async function listCaseViews(
  db: DynamoDBDocumentClient,
  table: string,
  query: { readonly prisonId: string; readonly limit: number; readonly cursor?: string },
): Promise<Page<CaseView>> {
  const result = await db.send(
    new QueryCommand({
      TableName: table,
      IndexName: 'viewsByCasePrison',
      KeyConditionExpression: 'casePrisonId = :p',
      ExpressionAttributeValues: { ':p': query.prisonId },
      ScanIndexForward: false,
      Limit: query.limit,
      ...(query.cursor ? { ExclusiveStartKey: decodeCursor(query.cursor) } : {}),
    }),
  );
  return {
    rows: (result.Items ?? []).map((item) => caseViewItem.parse(item)),
    ...(result.LastEvaluatedKey ? { cursor: encodeCursor(result.LastEvaluatedKey) } : {}),
  };
}
