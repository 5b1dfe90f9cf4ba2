// Verification requests (核实函) the service sends, in the prisoner's partition. A request
// is stored (sent: false) before it goes out and marked sent after, so a crash in between
// leads to a re-send on the next evaluation, never to a request that was silently lost.
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { VerificationRequest } from '../contract/verification-request.ts';
import { getApplicationLookup } from './application-store.ts';
import { isConditionalCheckFailed } from './conditional.ts';
import { requestKey } from './keys.ts';
import type { StoredRequest } from './records.ts';

export async function putRequest(
  db: DynamoDBDocumentClient,
  table: string,
  personId: string,
  request: { body: VerificationRequest; enforcingCourtId: string; messageId: string },
): Promise<StoredRequest> {
  // The prison, for the procuratorate's list of overdue requests (requestsByPrison index).
  const lookup = await getApplicationLookup(db, table, request.body.applicationId);
  const item: StoredRequest = {
    ...requestKey(personId, request.body.requestId),
    ...request,
    sent: false,
    dueAt: new Date(request.body.dueBy).toISOString(),
    ...(lookup ? { prisonId: lookup.prisonId } : {}),
  };
  try {
    await db.send(new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
  } catch (error) {
    // Same requestId means same application, judgment, reason and instant: already stored.
    if (!isConditionalCheckFailed(error)) throw error;
  }
  return item;
}

export async function markRequestSent(
  db: DynamoDBDocumentClient,
  table: string,
  personId: string,
  requestId: string,
): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName: table,
      Key: requestKey(personId, requestId),
      UpdateExpression: 'SET #sent = :true',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#sent': 'sent' },
      ExpressionAttributeValues: { ':true': true },
    }),
  );
}
