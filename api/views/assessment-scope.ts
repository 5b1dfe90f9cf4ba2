// Whose assessment figures (考核) a signed-in user may read. Anything else answers 404, as for
// cases: a 403 would confirm that the institution is assessed here.
import { assessedInstitutions } from '../../shared/assessment/report.ts';
import type { Registry } from '../../shared/resources/registry.ts';
import type { SignedIn } from '../auth/principal.ts';

/**
 * An enforcing court, prison or hearing court: its own figures. The service's operators: the
 * linkage's own. A provincial administrator: every assessed institution of the province, and
 * the linkage's figures (national: the service keeps them per service id, not per province).
 * A procuratorate is not assessed and reads none.
 */
export function assessableIds(viewer: SignedIn, registry: Registry): string[] {
  switch (viewer.kind) {
    case 'ENFORCING_COURT':
    case 'PRISON':
    case 'HEARING_COURT':
      return [viewer.institutionId];
    case 'SERVICE':
      return [registry.service.id];
    case 'PROCURATORATE':
      return [];
    case 'PROVINCE': {
      const province = new Set(
        registry.institutions.filter((i) => i.province === viewer.institutionId).map((i) => i.id),
      );
      return assessedInstitutions(registry)
        .filter((i) => province.has(i.id) || i.kind === 'SERVICE')
        .map((i) => i.id);
    }
  }
}

/** The ids asked for, when the viewer may read them all; undefined (answer 404) otherwise. */
export function scopeOf(viewer: SignedIn, registry: Registry, asked: string | undefined): string[] | undefined {
  const mine = assessableIds(viewer, registry);
  if (mine.length === 0) return undefined;
  if (asked === undefined) return mine;
  return mine.includes(asked) ? [asked] : undefined;
}
