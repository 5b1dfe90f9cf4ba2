// The decisions table: every flag revision of an application, append-only, with the
// fingerprint of what it decided and what caused it.
import { BatchGetCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Material } from '../contract/materials.ts';
import type { FulfilmentFlag } from '../contract/fulfilment-flag.ts';
import { isConditionalCheckFailed } from './conditional.ts';
import { decisionKey } from './keys.ts';
import { queryAll } from './query-all.ts';
import { decodeFlag, encodeFlag } from './stored-flag.ts';

export interface Revision {
  readonly applicationId: string;
  readonly revision: number;
  /** The flag body exactly as sent; `inputs` says which dossier and status versions it rests on. */
  readonly flag: FulfilmentFlag;
  readonly fingerprint: string;
  readonly trigger: string;
  readonly recordedAt: string;
}

/** The item a revision is stored as: its flag compressed (stored-flag.ts), the rest as is. */
export function storedRevisionItem(revision: Revision): Record<string, unknown> {
  return {
    ...decisionKey(revision.applicationId, revision.revision),
    applicationId: revision.applicationId,
    revision: revision.revision,
    decision: revision.flag.decision,
    fingerprint: revision.fingerprint,
    trigger: revision.trigger,
    recordedAt: revision.recordedAt,
    ...encodeFlag(revision.flag),
  };
}

/** Writes a revision that does not exist yet; false when that revision number is taken. */
export async function putRevision(db: DynamoDBDocumentClient, table: string, revision: Revision): Promise<boolean> {
  try {
    await db.send(
      new PutCommand({
        TableName: table,
        Item: storedRevisionItem(revision),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

export async function getRevision(
  db: DynamoDBDocumentClient,
  table: string,
  applicationId: string,
  revision: number,
): Promise<Revision> {
  const found = await findRevision(db, table, applicationId, revision);
  if (!found)
    throw new Error(`revision ${revision} of application ${applicationId} is missing from the decisions table`);
  return found;
}

/** The revision if it was recorded, else undefined. */
export async function findRevision(
  db: DynamoDBDocumentClient,
  table: string,
  applicationId: string,
  revision: number,
): Promise<Revision | undefined> {
  const result = await db.send(
    new GetCommand({ TableName: table, Key: decisionKey(applicationId, revision), ConsistentRead: true }),
  );
  if (!result.Item) return undefined;
  const item = result.Item as Record<string, unknown>;
  return {
    applicationId,
    revision,
    flag: decodeFlag(item),
    fingerprint: String(item.fingerprint),
    trigger: String(item.trigger),
    recordedAt: String(item.recordedAt),
  };
}

/** BatchGetItem takes at most this many keys. */
const BATCH_GET_LIMIT = 100;

/**
 * The Art 5 materials each given revision names as missing (one batched read of the flags):
 * what a prison's case list shows beside each application.
 */
export async function missingMaterialsOf(
  db: DynamoDBDocumentClient,
  table: string,
  revisions: readonly { applicationId: string; revision: number }[],
): Promise<Map<string, Material[]>> {
  const found = new Map<string, Material[]>();
  for (let start = 0; start < revisions.length; start += BATCH_GET_LIMIT) {
    let keys: Record<string, unknown>[] = revisions
      .slice(start, start + BATCH_GET_LIMIT)
      .map((r) => ({ ...decisionKey(r.applicationId, r.revision) }));
    while (keys.length > 0) {
      const result = await db.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: keys,
              // The whole item: its flag is one compressed attribute (a revision is under 1 KB).
              ProjectionExpression: 'applicationId, sk, #f, flagCodec, flagData',
              ExpressionAttributeNames: { '#f': 'flag' },
            },
          },
        }),
      );
      for (const item of result.Responses?.[table] ?? [])
        found.set(String(item.applicationId), decodeFlag(item).missingMaterials);
      keys = (result.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return found;
}

/** The flags of an application's revisions, oldest first; with `before`, only those before that revision. */
export async function revisionFlags(
  db: DynamoDBDocumentClient,
  table: string,
  applicationId: string,
  before?: number,
): Promise<FulfilmentFlag[]> {
  const items = await queryAll(db, {
    TableName: table,
    KeyConditionExpression: before === undefined ? 'pk = :pk' : 'pk = :pk AND sk < :sk',
    ExpressionAttributeValues: {
      ':pk': decisionKey(applicationId, 0).pk,
      ...(before === undefined ? {} : { ':sk': decisionKey(applicationId, before).sk }),
    },
    ConsistentRead: true,
  });
  return items.map((item) => decodeFlag(item));
}
