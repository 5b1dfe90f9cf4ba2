// A ruling: keep it under its application, then attach it to the application if the
// dossier is there and names this court as the hearing court, and re-evaluate. A ruling
// that arrives before its dossier waits; the dossier's arrival attaches it.
import type { RulingMessage } from '../../contract/messages.ts';
import { attachRulings, getApplication, getApplicationLookup } from '../../storage/application-store.ts';
import { deleteReceivedRuling, putReceivedRuling } from '../../storage/ruling-store.ts';
import { logger } from '../../powertools/logger.ts';
import { acknowledgeStale, requestEvaluation, type IngestDependencies } from './outcomes.ts';
import type { IngestOutcome } from './receive.ts';
import { rejectMessage, type ReceivedRecord } from './reject.ts';

export async function acceptRuling(
  deps: IngestDependencies,
  message: RulingMessage,
  record: ReceivedRecord,
): Promise<IngestOutcome> {
  const { applicationId, rulingRef } = message.body;
  const table = deps.env.tables.cases;

  const written = await putReceivedRuling(deps.db, table, message, record.receivedAt);
  if (written === 'stale') return acknowledgeStale(message);

  const lookup = await getApplicationLookup(deps.db, table, applicationId);
  if (!lookup) return waiting(message);

  const ruling = {
    body: message.body,
    senderId: message.sender.id,
    messageId: message.messageId,
    receivedAt: record.receivedAt,
  };
  const target = { personId: lookup.personId, applicationId, hearingCourtId: message.sender.id };
  if (await attachRulings(deps.db, table, target, [ruling])) {
    return requestEvaluation(deps, message, lookup.personId, [applicationId]);
  }
  const application = await getApplication(deps.db, table, lookup.personId, applicationId);
  if (!application) return waiting(message);

  // The dossier names another hearing court: this court may not rule on it.
  await deleteReceivedRuling(deps.db, table, applicationId, rulingRef);
  return rejectMessage(deps, record, {
    reason: 'not-hearing-court',
    problems: [
      {
        path: 'body.applicationId',
        message: `${applicationId} is not before ${message.sender.id}: its dossier names another hearing court`,
      },
    ],
    messageId: message.messageId,
    schema: message.schema,
  });
}

function waiting(message: RulingMessage): IngestOutcome {
  logger.info('ruling kept until its dossier arrives', {
    sender: message.sender.id,
    messageId: message.messageId,
    applicationId: message.body.applicationId,
  });
  return { result: 'waiting' };
}
