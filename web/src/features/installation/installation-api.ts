import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { Installation } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';

export const fetchInstallation = () => api.get<Installation>('/api/v1/installation');

export const useInstallation = () =>
  useQuery({ queryKey: queryKeys.installation, queryFn: fetchInstallation, staleTime: 5 * 60_000 });
