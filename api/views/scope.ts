// Which cases an institution may see. Anything outside its scope answers 404, as if it did not
// exist: a 403 would confirm that the application id is real.
import type { Registry } from '../../shared/resources/registry.ts';
import type { StoredApplication } from '../../shared/storage/records.ts';
import type { Principal } from '../auth/principal.ts';

/** The prison a procuratorate is stationed at (the registry names it on the prison). */
export function prisonOfProcuratorate(registry: Registry, procuratorateId: string): string | undefined {
  return registry.institutions.find((i) => i.kind === 'PRISON' && i.procuratorateId === procuratorateId)?.id;
}

export function maySeeCase(principal: Principal, application: StoredApplication, registry: Registry): boolean {
  switch (principal.kind) {
    case 'HEARING_COURT':
      return application.dossier.hearingCourtId === principal.institutionId;
    case 'PRISON':
      return application.prisonId === principal.institutionId;
    case 'PROCURATORATE':
      return prisonOfProcuratorate(registry, principal.institutionId) === application.prisonId;
    case 'ENFORCING_COURT':
      return application.dossier.judgments.some((j) => j.enforcingCourtId === principal.institutionId);
    case 'SERVICE':
      // The service's operators run its queues; they see no prisoner's case.
      return false;
  }
}

/** The judgments of the case this institution sees the items of (an enforcing court: its own). */
export function visibleJudgments(principal: Principal, application: StoredApplication): Set<string> {
  return new Set(
    application.dossier.judgments
      .filter((j) => principal.kind !== 'ENFORCING_COURT' || j.enforcingCourtId === principal.institutionId)
      .map((j) => j.judgmentId),
  );
}
