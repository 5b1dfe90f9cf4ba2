// The decisions table: every flag revision of an application, append-only, with the
// fingerprint of what it decided and what caused it.
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fulfilmentFlagBody, type FulfilmentFlag } from '../contract/fulfilment-flag.ts';
import { isConditionalCheckFailed } from './conditional.ts';
import { decisionKey } from './keys.ts';

export interface Revision {
  readonly applicationId: string;
  readonly revision: number;
  /** The flag body exactly as sent; `inputs` says which dossier and status versions it rests on. */
  readonly flag: FulfilmentFlag;
  readonly fingerprint: string;
  readonly trigger: string;
  readonly recordedAt: string;
}

/** Writes a revision that does not exist yet; false when that revision number is taken. */
export async function putRevision(db: DynamoDBDocumentClient, table: string, revision: Revision): Promise<boolean> {
  try {
    await db.send(
      new PutCommand({
        TableName: table,
        Item: {
          ...decisionKey(revision.applicationId, revision.revision),
          ...revision,
          decision: revision.flag.decision,
        },
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
    flag: fulfilmentFlagBody.parse(item.flag),
    fingerprint: String(item.fingerprint),
    trigger: String(item.trigger),
    recordedAt: String(item.recordedAt),
  };
}
