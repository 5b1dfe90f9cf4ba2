import { useQuery } from '@tanstack/react-query';
import { meQuery } from '../api/queries.ts';

export function useMe() {
  return useQuery(meQuery);
}
