// The case page's data: the application as the signed-in institution may see it, its current
// flag with each item's enforcing court, the requests, rulings and the revision history.
import type { Registry } from '../../shared/resources/registry.ts';
import type { RevisionRecord } from '../../shared/storage/case-views.ts';
import type { PrisonerRecord } from '../../shared/storage/prisoner-store.ts';
import type { StoredApplication } from '../../shared/storage/records.ts';
import type { Principal } from '../auth/principal.ts';
import type { CaseDetail } from '../schemas.ts';
import { prisonerFor } from './masking.ts';
import { institutionRefOf, requestViewOf } from './requests.ts';
import { changesBetween, parseTrigger } from './revision-diff.ts';
import { visibleJudgments } from './scope.ts';

export function caseDetailOf(input: {
  principal: Principal;
  application: StoredApplication;
  prisoner: PrisonerRecord;
  revisions: readonly RevisionRecord[];
  registry: Registry;
  nowMs: number;
}): CaseDetail {
  const { principal, application, prisoner, revisions, registry, nowMs } = input;
  const { dossier } = application;
  const judgments = visibleJudgments(principal, application);
  const courtOf = new Map(dossier.judgments.map((j) => [j.judgmentId, j.enforcingCourtId]));
  const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
  const latest = sorted.at(-1)?.flag;
  const current = latest
    ? {
        revision: latest.revision,
        decision: latest.decision,
        ability: latest.ability,
        reasons: latest.reasons,
        items: latest.items
          .filter((item) => judgments.has(item.judgmentId))
          .map((item) => ({
            judgmentId: item.judgmentId,
            itemNo: item.itemNo,
            kind: item.kind,
            dueFen: item.dueFen,
            paidFen: item.paidFen,
            outstandingFen: item.outstandingFen,
            state: item.state,
            asOf: item.asOf,
            enforcingCourt: institutionRefOf(registry, courtOf.get(item.judgmentId) ?? ''),
          })),
        outstandingFen: latest.outstandingFen,
        missingMaterials: latest.missingMaterials,
        evaluatedAt: latest.evaluatedAt,
        policy: { id: latest.policy.id, version: latest.policy.version },
        ...(latest.remedies ? { remedies: latest.remedies } : {}),
        ...(latest.earliestClearOn !== undefined ? { earliestClearOn: latest.earliestClearOn } : {}),
        ...(latest.nextChangeAt !== undefined ? { nextChangeAt: latest.nextChangeAt } : {}),
      }
    : null;
  const requests = prisoner.requests
    .filter((r) => r.body.applicationId === application.applicationId && judgments.has(r.body.judgmentId))
    .filter((r) => principal.kind !== 'ENFORCING_COURT' || r.enforcingCourtId === principal.institutionId)
    .map((r) => requestViewOf(r.body, r.enforcingCourtId, prisoner.statuses, registry, nowMs))
    .sort((a, b) => Date.parse(a.dueBy) - Date.parse(b.dueBy));
  return {
    applicationId: application.applicationId,
    kind: dossier.kind,
    basis: dossier.basis,
    prisoner: prisonerFor(principal.kind, dossier.prisoner),
    prison: institutionRefOf(registry, application.prisonId),
    hearingCourt: institutionRefOf(registry, dossier.hearingCourtId),
    submittedAt: dossier.submittedAt,
    firstSubmittedAt: application.firstSubmittedAt,
    dossierVersion: application.dossierVersion,
    current,
    requests,
    rulings: Object.values(application.rulings).map((r) => ({
      outcome: r.body.outcome,
      ruledOn: r.body.ruledOn,
      rulingRef: r.body.rulingRef,
    })),
    history: sorted
      .map((record, index) => ({
        revision: record.revision,
        decision: record.flag.decision,
        evaluatedAt: record.flag.evaluatedAt,
        recordedAt: record.recordedAt,
        trigger: parseTrigger(record.trigger),
        changes: changesBetween(sorted[index - 1]?.flag, record.flag),
      }))
      .reverse(),
    viewedAt: new Date(nowMs).toISOString(),
  };
}
