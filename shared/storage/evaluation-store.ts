// The evaluation state on an application item: current revision, what was delivered, the
// next deadline. Only these attributes are written here, so a dossier arriving at the same
// moment (which writes only the dossier's attributes) never conflicts with an evaluation.
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Decision } from '../contract/reason-codes.ts';
import { isConditionalCheckFailed } from './conditional.ts';
import { updateExpression } from './expressions.ts';
import { applicationKey, deadlineShard } from './keys.ts';

export interface ApplicationRef {
  readonly personId: string;
  readonly applicationId: string;
}

/** Moves the application to `revision`, only if it is still at `previous`. */
export async function commitRevision(
  db: DynamoDBDocumentClient,
  table: string,
  ref: ApplicationRef,
  change: { previous: number; revision: number; fingerprint: string; decision: Decision; evaluatedAt: string },
): Promise<void> {
  const update = updateExpression({
    revision: change.revision,
    fingerprint: change.fingerprint,
    decision: change.decision,
    evaluatedAt: change.evaluatedAt,
  });
  await db.send(
    new UpdateCommand({
      TableName: table,
      Key: applicationKey(ref.personId, ref.applicationId),
      ...update,
      ConditionExpression:
        change.previous === 0
          ? 'attribute_exists(pk) AND attribute_not_exists(#current)'
          : 'attribute_exists(pk) AND #current = :previous',
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#current': 'revision' },
      ExpressionAttributeValues: {
        ...update.ExpressionAttributeValues,
        ...(change.previous === 0 ? {} : { ':previous': change.previous }),
      },
    }),
  );
}

/** Records that every recipient was sent `revision`; never moves backwards. */
export async function markDelivered(
  db: DynamoDBDocumentClient,
  table: string,
  ref: ApplicationRef,
  revision: number,
): Promise<void> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: applicationKey(ref.personId, ref.applicationId),
        UpdateExpression: 'SET #sent = :revision',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#sent) OR #sent < :revision)',
        ExpressionAttributeNames: { '#sent': 'sentRevision' },
        ExpressionAttributeValues: { ':revision': revision },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

export interface Schedule {
  readonly closed: boolean;
  /** Epoch ms of the next instant the decision could change with no message; none: off the index. */
  readonly nextCheckAtMs: number | undefined;
}

/** UTC instant as the byDeadline index sorts it. */
export function indexInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Puts the application on the deadline index at its next check, or takes it off. */
export async function saveSchedule(
  db: DynamoDBDocumentClient,
  table: string,
  ref: ApplicationRef,
  schedule: Schedule,
): Promise<void> {
  const due = schedule.nextCheckAtMs;
  const update =
    due === undefined
      ? updateExpression({ closed: schedule.closed }, ['nextCheckAt', 'dueShard'])
      : updateExpression({
          closed: schedule.closed,
          nextCheckAt: indexInstant(due),
          dueShard: deadlineShard(ref.applicationId),
        });
  await db.send(
    new UpdateCommand({
      TableName: table,
      Key: applicationKey(ref.personId, ref.applicationId),
      ...update,
      ConditionExpression: 'attribute_exists(pk)',
    }),
  );
}
