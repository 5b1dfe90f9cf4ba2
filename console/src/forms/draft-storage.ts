// The dossier form's draft, kept in this browser (localStorage) until it is sent or discarded.
import type { DossierValues } from './dossier-values.ts';

const key = (prisonId: string, applicationId: string | undefined) =>
  `linkage:dossier-draft:${prisonId}:${applicationId ?? 'new'}`;

export function loadDraft(prisonId: string, applicationId?: string): DossierValues | undefined {
  try {
    const text = localStorage.getItem(key(prisonId, applicationId));
    return text ? (JSON.parse(text) as DossierValues) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(prisonId: string, applicationId: string | undefined, values: DossierValues): void {
  localStorage.setItem(key(prisonId, applicationId), JSON.stringify(values));
}

export function discardDraft(prisonId: string, applicationId?: string): void {
  localStorage.removeItem(key(prisonId, applicationId));
}
