// Pre-filled bodies for the console's forms, from what the service already holds, so nobody
// retypes it: an enforcing court's next status of an item (its last status, version + 1, or the
// dossier's item when it sent none; `inReplyTo` the open request), a prison's next dossier
// version (the stored one, version + 1). The identity number is the court's or prison's own
// data here: a status or dossier cannot be sent without it.
import type { EnforcementStatus } from '../../shared/contract/enforcement-status.ts';
import type { ReductionDossier } from '../../shared/contract/reduction-dossier.ts';
import type { PrisonerRecord } from '../../shared/storage/prisoner-store.ts';
import type { StoredApplication } from '../../shared/storage/records.ts';
import { formatInstant } from '../../shared/time/calendar.ts';

const CHINA_OFFSET_MINUTES = 8 * 60;

export function statusDraft(
  courtId: string,
  application: StoredApplication,
  prisoner: PrisonerRecord,
  judgmentId: string,
  itemNo: number,
  nowMs: number,
  requestId?: string,
): EnforcementStatus | undefined {
  const judgment = application.dossier.judgments.find((j) => j.judgmentId === judgmentId);
  const item = judgment?.items.find((i) => i.itemNo === itemNo);
  if (!judgment || judgment.enforcingCourtId !== courtId || !item) return undefined;
  const asOf = formatInstant(nowMs, CHINA_OFFSET_MINUTES);
  const last = prisoner.statuses.find((s) => s.body.judgmentId === judgmentId && s.body.itemNo === itemNo);
  const reply = requestId ? { inReplyTo: requestId } : {};
  if (last) {
    const { inReplyTo: _previousReply, ...body } = last.body;
    return { ...body, ...reply, asOf, version: last.body.version + 1 };
  }
  return {
    judgmentId,
    itemNo,
    personId: application.dossier.prisoner.personId,
    kind: item.kind,
    dueFen: item.dueFen,
    ...(item.dueFen === null ? { wholeEstate: true } : {}),
    payments: [],
    conduct: [],
    documents: [],
    asOf,
    version: 1,
    ...reply,
  };
}

export function dossierDraft(application: StoredApplication, nowMs: number): ReductionDossier {
  return {
    ...application.dossier,
    submittedAt: formatInstant(nowMs, CHINA_OFFSET_MINUTES),
    version: application.dossier.version + 1,
  };
}
