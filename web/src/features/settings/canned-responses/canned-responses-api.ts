import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { settingsKeys } from '../shared/settings-keys';

export type CannedResponse = { id: number; short_code: string; content: string };
export type CannedResponseInput = { short_code: string; content: string };

const cannedPath = (accountId: number) => `/api/v1/accounts/${accountId}/canned_responses`;

/** The list, or the matches of `search` (short codes first), as the server ranks them. */
export const useSettingsCannedResponses = (accountId: number, search: string) =>
  useQuery({
    queryKey: settingsKeys.cannedResponses(accountId, search),
    queryFn: () => api.get<CannedResponse[]>(search ? `${cannedPath(accountId)}?search=${encodeURIComponent(search)}` : cannedPath(accountId)),
    placeholderData: keepPreviousData,
  });

export const createCannedResponse = (accountId: number, body: CannedResponseInput) => api.post<CannedResponse>(cannedPath(accountId), body);
export const updateCannedResponse = (accountId: number, id: number, body: CannedResponseInput) =>
  api.patch<CannedResponse>(`${cannedPath(accountId)}/${id}`, body);
export const deleteCannedResponse = (accountId: number, id: number) => api.delete<unknown>(`${cannedPath(accountId)}/${id}`);
