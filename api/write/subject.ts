// The identity number of a status whose form showed it masked (an enforcing court does not see
// identity numbers in full: api/views/masking.ts). The form names where the number comes from,
// and the service fills it in: the dossier of the application whose judgment this court
// enforces (answer a request, update a status), or the court's own refused message (correct and
// resend). A number typed in full by the court is kept as typed.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { showQuarantined } from '../../shared/operations/quarantine.ts';
import { getApplicationLookup } from '../../shared/storage/application-store.ts';
import { loadPrisoner } from '../../shared/storage/prisoner-store.ts';

export const statusSubject = z.union([
  z.strictObject({ applicationId: z.string().min(1).max(128) }),
  z.strictObject({ rejectionRef: z.string().min(1).max(300) }),
]);
export type StatusSubject = z.infer<typeof statusSubject>;

/** A masked or missing number: the service is to fill it in. */
export function needsPersonId(value: unknown): boolean {
  return value === undefined || value === '' || (typeof value === 'string' && value.includes('*'));
}

/** The full identity number the subject names, if this court may use it; else undefined. */
export async function personIdOf(
  db: DynamoDBDocumentClient,
  tables: { cases: string; quarantine: string },
  courtId: string,
  subject: StatusSubject,
  judgmentId: unknown,
): Promise<string | undefined> {
  if ('rejectionRef' in subject) {
    const entry = await showQuarantined(db, tables.quarantine, subject.rejectionRef);
    if (!entry || entry.queueOwnerId !== courtId || !entry.raw) return undefined;
    try {
      const personId = (JSON.parse(entry.raw) as { body?: { personId?: unknown } }).body?.personId;
      return typeof personId === 'string' ? personId : undefined;
    } catch {
      return undefined;
    }
  }
  const lookup = await getApplicationLookup(db, tables.cases, subject.applicationId);
  if (!lookup) return undefined;
  const prisoner = await loadPrisoner(db, tables.cases, lookup.personId);
  const application = prisoner.applications.find((a) => a.applicationId === subject.applicationId);
  const enforces = application?.dossier.judgments.some(
    (j) => j.judgmentId === judgmentId && j.enforcingCourtId === courtId,
  );
  return enforces ? application!.dossier.prisoner.personId : undefined;
}
