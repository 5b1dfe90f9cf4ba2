// The evaluation state on an application item: current revision, what was delivered, the
// next deadline. Only these attributes are written here, so a dossier arriving at the same
// moment (which writes only the dossier's attributes) never conflicts with an evaluation.
// An evaluation ends with ONE conditional update of all of them (`saveEvaluation`).
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Decision } from '../contract/reason-codes.ts';
import { isConditionalCheckFailed } from './conditional.ts';
import { updateExpression, type SetValue } from './expressions.ts';
import { applicationKey, deadlineShard } from './keys.ts';

export interface ApplicationRef {
  readonly personId: string;
  readonly applicationId: string;
}

/** A revision recorded in the decisions table, as the application item summarises it. */
export interface CommittedRevision {
  readonly revision: number;
  readonly fingerprint: string;
  readonly decision: Decision;
  readonly evaluatedAt: string;
}

export interface Schedule {
  readonly closed: boolean;
  /** Epoch ms of the next instant the decision could change with no message; none: off the index. */
  readonly nextCheckAtMs: number | undefined;
}

/** What an evaluation changes on the application item; absent parts stay as they are. */
export interface EvaluationChanges {
  /** The revision the item is at (0: none): the update applies only if it still is. */
  readonly at: number;
  /** Move the application to this revision (already in the decisions table). */
  readonly revision?: CommittedRevision;
  /** The newest revision now delivered to every recipient. */
  readonly sentRevision?: number;
  /** Closed or not, and the place on the deadline index. */
  readonly schedule?: Schedule;
}

/** UTC instant as the byDeadline index sorts it. */
export function indexInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * One conditional update of the evaluation state, only if the application exists and is still
 * at revision `at` (one evaluation per prisoner runs at a time; this guards the assumption).
 */
export async function saveEvaluation(
  db: DynamoDBDocumentClient,
  table: string,
  ref: ApplicationRef,
  changes: EvaluationChanges,
): Promise<void> {
  const set: Record<string, SetValue> = {};
  const remove: string[] = [];
  if (changes.revision) {
    set.revision = changes.revision.revision;
    set.fingerprint = changes.revision.fingerprint;
    set.decision = changes.revision.decision;
    set.evaluatedAt = changes.revision.evaluatedAt;
  }
  if (changes.sentRevision !== undefined) set.sentRevision = changes.sentRevision;
  if (changes.schedule) {
    set.closed = changes.schedule.closed;
    const due = changes.schedule.nextCheckAtMs;
    if (due === undefined) remove.push('nextCheckAt', 'dueShard');
    else {
      set.nextCheckAt = indexInstant(due);
      set.dueShard = deadlineShard(ref.applicationId);
    }
  }
  if (Object.keys(set).length === 0 && remove.length === 0) return;
  const update = updateExpression(set, remove);
  const values = { ...update.ExpressionAttributeValues, ...(changes.at === 0 ? {} : { ':at': changes.at }) };
  await db.send(
    new UpdateCommand({
      TableName: table,
      Key: applicationKey(ref.personId, ref.applicationId),
      ...update,
      ConditionExpression:
        changes.at === 0
          ? 'attribute_exists(pk) AND attribute_not_exists(#current)'
          : 'attribute_exists(pk) AND #current = :at',
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#current': 'revision' },
      ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
    }),
  );
}

/** Moves the application to `revision`, only if it is still at `previous` (adopting an orphan). */
export async function commitRevision(
  db: DynamoDBDocumentClient,
  table: string,
  ref: ApplicationRef,
  change: CommittedRevision & { previous: number },
): Promise<void> {
  const { previous, ...revision } = change;
  await saveEvaluation(db, table, ref, { at: previous, revision });
}

/**
 * Records that every recipient was sent `revision`; never moves backwards. Only for a revision
 * delivered before a later one in the same run (after a crash): the last goes in `saveEvaluation`.
 */
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
