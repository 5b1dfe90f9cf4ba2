// Query definitions shared by the pages and the start-up prefetch, so both use one cache entry.
import { apiGet, type CaseListRow, type Me, type Page } from './client.ts';

export interface SignInConfig {
  signIn: 'password' | 'oidc';
  issuer: string;
  clientId?: string;
  scope?: string;
}

/** How this deployment signs users in (no token needed). */
export const configQuery = {
  queryKey: ['config'],
  queryFn: () => apiGet<SignInConfig>('/api/config'),
  staleTime: Infinity,
} as const;

export const meQuery = { queryKey: ['me'], queryFn: () => apiGet<Me>('/api/me'), staleTime: Infinity } as const;

export function casesQuery(filters: Record<string, string | undefined>) {
  return {
    queryKey: ['cases', filters],
    queryFn: ({ pageParam }: { pageParam: string | undefined }) =>
      apiGet<Page<CaseListRow>>('/api/cases', { ...filters, limit: '20', cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<CaseListRow>) => last.cursor,
  };
}
