// Applications: the lookup applicationId → prisoner, the newest dossier (version-guarded,
// without touching the evaluation state on the same item), and the rulings attached to it.
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReductionDossierMessage } from '../contract/messages.ts';
import { guardedWrite, isConditionalCheckFailed, type WriteOutcome } from './conditional.ts';
import { updateExpression } from './expressions.ts';
import { applicationKey, applicationLookupKey } from './keys.ts';
import { encodeDossier, withDossier } from './stored-dossier.ts';
import {
  applicationLookup,
  storedApplication,
  type ApplicationListing,
  type ApplicationLookup,
  type StoredApplication,
  type StoredRuling,
} from './records.ts';

export type ClaimOutcome = 'claimed' | 'other-prisoner' | 'other-prison';

/**
 * Records which prisoner and prison an application belongs to. A later dossier for the same
 * applicationId about another prisoner, or from another prison, is refused.
 */
export async function claimApplication(
  db: DynamoDBDocumentClient,
  table: string,
  claim: { applicationId: string } & ApplicationLookup,
): Promise<ClaimOutcome> {
  const key = applicationLookupKey(claim.applicationId);
  try {
    await db.send(
      new PutCommand({
        TableName: table,
        Item: { ...key, applicationId: claim.applicationId, personId: claim.personId, prisonId: claim.prisonId },
        ConditionExpression: 'attribute_not_exists(pk) OR (personId = :person AND prisonId = :prison)',
        ExpressionAttributeValues: { ':person': claim.personId, ':prison': claim.prisonId },
      }),
    );
    return 'claimed';
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  const held = await getApplicationLookup(db, table, claim.applicationId);
  return held?.prisonId !== claim.prisonId ? 'other-prison' : 'other-prisoner';
}

export async function getApplicationLookup(
  db: DynamoDBDocumentClient,
  table: string,
  applicationId: string,
): Promise<ApplicationLookup | undefined> {
  const result = await db.send(
    new GetCommand({ TableName: table, Key: applicationLookupKey(applicationId), ConsistentRead: true }),
  );
  return result.Item ? applicationLookup.parse(result.Item) : undefined;
}

/** Stores the dossier unless an equal or newer version is there; keeps the first submittedAt. */
export async function putDossier(
  db: DynamoDBDocumentClient,
  table: string,
  message: ReductionDossierMessage,
  receivedAt: string,
): Promise<WriteOutcome> {
  const { body } = message;
  const key = applicationKey(body.prisoner.personId, body.applicationId);
  const provenance = { senderId: message.sender.id, messageId: message.messageId };
  const update = updateExpression(
    {
      applicationId: body.applicationId,
      // Deflated (stored-dossier.ts): with the plain ~800-byte map the item passed 1 KB, and
      // every evaluation's update of it cost two write units instead of one.
      ...encodeDossier(body),
      dossierVersion: body.version,
      prisonId: message.sender.id,
      // Top-level copies for the console's list indexes (byHearingCourt, byPrison).
      hearingCourtId: body.hearingCourtId,
      listing: listingOf(body),
      receivedAt,
      ...provenance,
      firstSubmittedAt: { ifNotExists: body.submittedAt },
      firstSubmittedUtc: { ifNotExists: new Date(body.submittedAt).toISOString() },
      rulings: { ifNotExists: {} },
    },
    // A plain dossier map from before the codec goes once a newer version is stored.
    ['dossier'],
  );
  return guardedWrite(
    () =>
      db.send(
        new UpdateCommand({
          TableName: table,
          Key: key,
          ...update,
          ConditionExpression: 'attribute_not_exists(pk) OR #storedVersion < :newVersion',
          ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#storedVersion': 'dossierVersion' },
          ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':newVersion': body.version },
        }),
      ),
    { db, table, key },
    provenance,
  );
}

/** What a case list row shows of the dossier (see CASE_LIST_ATTRIBUTES). */
export function listingOf(body: ReductionDossierMessage['body']): ApplicationListing {
  return {
    kind: body.kind,
    basis: body.basis,
    prisonerNo: body.prisoner.prisonerNo,
    name: body.prisoner.name,
    personId: body.prisoner.personId,
    dossierVersion: body.version,
  };
}

export async function getApplication(
  db: DynamoDBDocumentClient,
  table: string,
  personId: string,
  applicationId: string,
): Promise<StoredApplication | undefined> {
  const result = await db.send(
    new GetCommand({ TableName: table, Key: applicationKey(personId, applicationId), ConsistentRead: true }),
  );
  return result.Item ? storedApplication.parse(withDossier(result.Item)) : undefined;
}

/**
 * Puts rulings on their application, only if the application exists and is heard by the
 * court that sent them. Returns false when that condition does not hold.
 */
export async function attachRulings(
  db: DynamoDBDocumentClient,
  table: string,
  target: { personId: string; applicationId: string; hearingCourtId: string },
  rulings: readonly StoredRuling[],
): Promise<boolean> {
  if (rulings.length === 0) return true;
  const update = updateExpression(
    {},
    [],
    rulings.map((ruling) => ({ path: ['rulings', ruling.body.rulingRef], value: ruling })),
  );
  try {
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: applicationKey(target.personId, target.applicationId),
        ...update,
        // The court's top-level copy (the dossier itself is stored compressed); items stored
        // before that copy existed still carry the court in their plain dossier map.
        ConditionExpression: 'attribute_exists(pk) AND (#court = :court OR #dossier.#court = :court)',
        ExpressionAttributeNames: {
          ...update.ExpressionAttributeNames,
          '#dossier': 'dossier',
          '#court': 'hearingCourtId',
        },
        ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':court': target.hearingCourtId },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
