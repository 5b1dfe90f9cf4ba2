// Verification requests (核实函) the service sends, in the prisoner's partition. A request
// is stored (sent: false) before it goes out and marked sent after, so a crash in between
// leads to a re-send on the next evaluation, never to a request that was silently lost.
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { VerificationRequest } from '../contract/verification-request.ts';
import { isConditionalCheckFailed } from './conditional.ts';
import { requestKey } from './keys.ts';
import { storedRequest, type StoredRequest } from './records.ts';

/**
 * Stores a request unless one with its id is there already, and returns the request as stored:
 * ids are derived from the need, so a retry that computes the same id gets the first attempt's
 * request (its `requestedAt` and `dueBy`), and sends that, never a second version of it.
 */
export async function putRequest(
  db: DynamoDBDocumentClient,
  table: string,
  personId: string,
  request: { body: VerificationRequest; enforcingCourtId: string; messageId: string; prisonId?: string },
): Promise<StoredRequest> {
  const key = requestKey(personId, request.body.requestId);
  // dueAt and prisonId key the console's request lists (requestsByEnforcingCourt, requestsByPrison).
  const { prisonId, ...rest } = request;
  const item: StoredRequest = {
    ...key,
    ...rest,
    sent: false,
    dueAt: new Date(request.body.dueBy).toISOString(),
    ...(prisonId ? { prisonId } : {}),
  };
  try {
    await db.send(new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return item;
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  const { Item } = await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
  return storedRequest.parse(Item);
}

/** Sets one attribute of a stored request, on the condition given (always: the request exists). */
function markRequest(
  db: DynamoDBDocumentClient,
  table: string,
  personId: string,
  requestId: string,
  mark: {
    set: string;
    value: unknown;
    condition?: string;
    names?: Record<string, string>;
    values?: Record<string, unknown>;
  },
) {
  return db.send(
    new UpdateCommand({
      TableName: table,
      Key: requestKey(personId, requestId),
      UpdateExpression: 'SET #mark = :mark',
      ConditionExpression: `attribute_exists(pk)${mark.condition ? ` AND ${mark.condition}` : ''}`,
      ExpressionAttributeNames: { '#mark': mark.set, ...mark.names },
      ExpressionAttributeValues: { ':mark': mark.value, ...mark.values },
    }),
  );
}

export async function markRequestSent(
  db: DynamoDBDocumentClient,
  table: string,
  personId: string,
  requestId: string,
): Promise<void> {
  await markRequest(db, table, personId, requestId, { set: 'sent', value: true });
}

/** Records that an unsent request will never be sent (the application was ruled on first). */
export async function markRequestWithdrawn(
  db: DynamoDBDocumentClient,
  table: string,
  personId: string,
  requestId: string,
  at: string,
): Promise<void> {
  await markRequest(db, table, personId, requestId, {
    set: 'withdrawnAt',
    value: at,
    condition: '#sent = :false',
    names: { '#sent': 'sent' },
    values: { ':false': false },
  });
}

/** Records when a sent request was first answered (once: a later answer changes nothing). */
export async function markRequestAnswered(
  db: DynamoDBDocumentClient,
  table: string,
  personId: string,
  requestId: string,
  at: string,
): Promise<void> {
  try {
    await markRequest(db, table, personId, requestId, {
      set: 'answeredAt',
      value: at,
      condition: 'attribute_not_exists(#mark)',
    });
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
