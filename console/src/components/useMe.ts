import { useQuery } from '@tanstack/react-query';
import { apiGet, type Me } from '../api/client.ts';

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: () => apiGet<Me>('/api/me'), staleTime: Infinity });
}
