// A reduction dossier: claim the applicationId for this prisoner and prison, keep the
// dossier if it is the newest version, attach rulings that arrived before it, re-evaluate.
import type { ReductionDossierMessage } from '../../contract/messages.ts';
import { attachRulings, claimApplication, putDossier } from '../../storage/application-store.ts';
import { receivedRulings } from '../../storage/ruling-store.ts';
import { acknowledgeStale, requestEvaluation, type IngestDependencies } from './outcomes.ts';
import type { IngestOutcome } from './receive.ts';
import { rejectMessage, type ReceivedRecord } from './reject.ts';

export async function acceptDossier(
  deps: IngestDependencies,
  message: ReductionDossierMessage,
  record: ReceivedRecord,
): Promise<IngestOutcome> {
  const { body } = message;
  const table = deps.env.tables.cases;
  const personId = body.prisoner.personId;

  // First the claim, then the dossier, then the look for waiting rulings: a ruling stores
  // itself before it reads the claim, so one side always sees the other.
  const claim = await claimApplication(deps.db, table, {
    applicationId: body.applicationId,
    personId,
    prisonId: message.sender.id,
  });
  if (claim !== 'claimed') {
    const problem =
      claim === 'other-prison'
        ? { path: 'body.applicationId', message: `${body.applicationId} is already a proposal of another prison` }
        : {
            path: 'body.prisoner.personId',
            message: `differs from the prisoner of earlier versions of ${body.applicationId}`,
          };
    return rejectMessage(deps, record, {
      reason: 'conflict',
      problems: [problem],
      messageId: message.messageId,
      schema: message.schema,
    });
  }

  const written = await putDossier(deps.db, table, message, record.receivedAt);
  if (written === 'stale') return acknowledgeStale(message);

  const waiting = (await receivedRulings(deps.db, table, body.applicationId)).filter(
    (r) => r.senderId === body.hearingCourtId,
  );
  await attachRulings(
    deps.db,
    table,
    { personId, applicationId: body.applicationId, hearingCourtId: body.hearingCourtId },
    waiting,
  );
  return requestEvaluation(deps, message, personId, [body.applicationId]);
}
