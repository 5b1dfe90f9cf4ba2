// The access record: every time an institution is sent data about a prisoner, who got
// what and when. It names the application and message, never the person. A flag goes to
// several institutions at once: its one record sits with the hearing court and lists them all.
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { accessKey } from './keys.ts';

export interface AccessRecipient {
  readonly institutionId: string;
  /** Why this institution got it: HEARING_COURT, PRISON, PROCURATORATE. */
  readonly role: string;
}

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
  /** A message sent to several institutions: every one of them, this record's own first. */
  readonly recipients?: readonly AccessRecipient[];
}

/** Every institution an access record says got the message. */
export function recipientsOfAccess(item: Readonly<Record<string, unknown>>): string[] {
  const recipients = item.recipients as readonly AccessRecipient[] | undefined;
  return recipients ? recipients.map((r) => r.institutionId) : [String(item.institutionId)];
}

export async function recordAccess(db: DynamoDBDocumentClient, table: string, entry: AccessEntry): Promise<void> {
  await db.send(
    new PutCommand({
      TableName: table,
      Item: { ...accessKey(entry.institutionId, entry.sentAt, entry.messageId), ...entry },
    }),
  );
}
