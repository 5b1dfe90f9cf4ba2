// The access record: every time an institution is sent data about a prisoner, who got
// what and when. It names the application and message, never the person.
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { accessKey } from './keys.ts';

export interface AccessEntry {
  readonly institutionId: string;
  readonly sentAt: string;
  readonly messageId: string;
  readonly schema: string;
  readonly applicationId: string;
  /** Why this institution got it: HEARING_COURT, PRISON, PROCURATORATE, ENFORCING_COURT. */
  readonly role: string;
  readonly revision?: number;
  readonly requestId?: string;
}

export async function recordAccess(db: DynamoDBDocumentClient, table: string, entry: AccessEntry): Promise<void> {
  await db.send(
    new PutCommand({
      TableName: table,
      Item: { ...accessKey(entry.institutionId, entry.sentAt, entry.messageId), ...entry },
    }),
  );
}
