import { useQuery } from '@tanstack/react-query';
import { ApiError, apiGet, type CaseDetail } from '../api/client.ts';

export function useCase(applicationId: string, purpose: 'case' | 'print') {
  return useQuery({
    queryKey: ['case', applicationId, purpose],
    queryFn: () => apiGet<CaseDetail>(`/api/cases/${encodeURIComponent(applicationId)}`, { purpose }),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 1,
    // Each opening is a view on the access record; do not refetch behind the user's back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
