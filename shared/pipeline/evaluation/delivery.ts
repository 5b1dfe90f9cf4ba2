// Delivering a flag: to the hearing court, with copies to the prison that sent the dossier
// and its procuratorate, all three at once, after one access record naming all three.
// Recipients de-duplicate by applicationId + revision.
import type { FulfilmentFlag } from '../../contract/fulfilment-flag.ts';
import type { FulfilmentFlagMessage } from '../../contract/messages.ts';
import { count, METRIC } from '../../powertools/metrics.ts';
import { composeMessageId } from '../../ids/hashing.ts';
import { sendToInstitution } from '../../queues/outbound.ts';
import { findInstitution, type Registry } from '../../resources/registry.ts';
import { recordAccess } from '../../storage/access-store.ts';
import type { StoredApplication } from '../../storage/records.ts';
import type { EvaluationDependencies } from './ledger.ts';

export interface Recipient {
  readonly institutionId: string;
  readonly role: 'HEARING_COURT' | 'PRISON' | 'PROCURATORATE';
}

export function recipientsOf(registry: Registry, application: StoredApplication): Recipient[] {
  const recipients: Recipient[] = [
    { institutionId: application.dossier.hearingCourtId, role: 'HEARING_COURT' },
    { institutionId: application.prisonId, role: 'PRISON' },
  ];
  const procuratorateId = findInstitution(registry, application.prisonId)?.procuratorateId;
  if (procuratorateId) recipients.push({ institutionId: procuratorateId, role: 'PROCURATORATE' });
  return recipients.filter((r, index) => recipients.findIndex((o) => o.institutionId === r.institutionId) === index);
}

export function flagMessageId(serviceId: string, applicationId: string, revision: number): string {
  return composeMessageId(`${serviceId}:flag:`, applicationId, `:r${revision}`);
}

export async function sendFlag(
  deps: EvaluationDependencies,
  application: StoredApplication,
  flag: FulfilmentFlag,
  now: string,
): Promise<void> {
  const service = deps.registry.service.id;
  const message: FulfilmentFlagMessage = {
    schema: 'linkage.fulfilment-flag.v1',
    messageId: flagMessageId(service, application.applicationId, flag.revision),
    sentAt: now,
    sender: { kind: 'SERVICE', id: service },
    body: flag,
  };
  // One access record for the delivery, before any send, so there is never a disclosure
  // without a record. It sits with the hearing court (the reconciliation counts that court's
  // flags from its partition) and lists every recipient; a prison's or procuratorate's
  // deliveries are the revisions of the prison's applications (byPrison index).
  const recipients = recipientsOf(deps.registry, application);
  const [hearingCourt] = recipients as [Recipient, ...Recipient[]];
  await recordAccess(deps.db, deps.env.tables.access, {
    institutionId: hearingCourt.institutionId,
    sentAt: now,
    messageId: message.messageId,
    schema: message.schema,
    applicationId: application.applicationId,
    role: hearingCourt.role,
    revision: flag.revision,
    recipients,
  });
  // The recipients in parallel. Every send is awaited (settled) before a failure is thrown,
  // so no send is still running when the message is handed back for a retry.
  const sends = await Promise.allSettled(
    recipients.map(async (recipient) => {
      await sendToInstitution(deps.sqs, deps.env, recipient.institutionId, message);
      count(METRIC.flagsSent);
    }),
  );
  const failed = sends.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
}
