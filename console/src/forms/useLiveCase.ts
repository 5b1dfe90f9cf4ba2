// Keeps an open case page current: asks every few seconds for the case's version numbers (not a
// view of the case) and reloads the page's data when a submission changed them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiGet, type CaseDetail } from '../api/client.ts';

const POLL_MS = 3000;

/** GET /api/cases/{id}/revision (api/routes/revision.ts). */
interface CaseVersion {
  revision: number | null;
  dossierVersion: number;
  rulings: number;
}

export function useLiveCase(applicationId: string, detail: CaseDetail | undefined) {
  const client = useQueryClient();
  const version = useQuery({
    queryKey: ['case-version', applicationId],
    queryFn: () => apiGet<CaseVersion>(`/api/cases/${encodeURIComponent(applicationId)}/revision`),
    refetchInterval: POLL_MS,
    enabled: detail !== undefined,
  });
  const shown = detail
    ? `${detail.current?.revision ?? null}/${detail.dossierVersion}/${detail.rulings.length}`
    : undefined;
  const latest = version.data
    ? `${version.data.revision}/${version.data.dossierVersion}/${version.data.rulings}`
    : undefined;
  useEffect(() => {
    if (shown && latest && shown !== latest)
      void client.invalidateQueries({ queryKey: ['case', applicationId, 'case'] });
  }, [shown, latest, applicationId, client]);
}
