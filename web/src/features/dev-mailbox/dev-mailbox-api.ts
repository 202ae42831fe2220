import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { DevMailbox } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';

/** Polled so an invitation or reset email shows up without reloading. */
export const useDevMailbox = (accountId: number) =>
  useQuery({
    queryKey: queryKeys.devMailbox(accountId),
    queryFn: () => api.get<DevMailbox>(`/api/v1/accounts/${accountId}/dev_mailbox`),
    refetchInterval: 5_000,
    staleTime: 0,
  });
