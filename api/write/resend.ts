// "Correct and resend": the version a corrected message must carry to be accepted. The refused
// message's own version may since have been stored (or passed) by another message; the ingest
// acknowledges an equal or older version without effect, so the form is told the stored one.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { applicationKey, statusKey, type Key } from '../../shared/storage/keys.ts';

/** The version stored under the key the refused message would have written, or null. */
export async function storedVersionFor(db: DynamoDBDocumentClient, table: string, raw: string): Promise<number | null> {
  const key = keyOf(raw);
  if (!key) return null;
  const found = await db.send(
    new GetCommand({
      TableName: table,
      Key: key,
      ConsistentRead: true,
      ProjectionExpression: '#version, dossierVersion',
      ExpressionAttributeNames: { '#version': 'version' },
    }),
  );
  const held = found.Item?.dossierVersion ?? found.Item?.version;
  return typeof held === 'number' ? held : null;
}

function keyOf(raw: string): Key | undefined {
  let message: { schema?: unknown; body?: Record<string, unknown> };
  try {
    message = JSON.parse(raw) as typeof message;
  } catch {
    return undefined;
  }
  const body = message.body ?? {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  if (message.schema === 'linkage.enforcement-status.v1') {
    const [personId, judgmentId, itemNo] = [text(body.personId), text(body.judgmentId), body.itemNo];
    if (personId && judgmentId && Number.isInteger(itemNo)) return statusKey(personId, judgmentId, itemNo as number);
  }
  if (message.schema === 'linkage.reduction-dossier.v1') {
    const prisoner = body.prisoner as { personId?: unknown } | undefined;
    const [personId, applicationId] = [text(prisoner?.personId), text(body.applicationId)];
    if (personId && applicationId) return applicationKey(personId, applicationId);
  }
  return undefined;
}
