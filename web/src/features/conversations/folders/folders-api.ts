import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ConversationListPage, ListFilter, TabCounts } from '../conversation-types';
import { listConditions, narrowConditions, type FilterCondition } from './folder-conditions';

/** A saved conversation filter ("Pastas"); Chatwoot's custom filter with `query.payload`. */
export type Folder = { id: number; name: string; query: { payload?: FilterCondition[] } };

const filtersPath = (accountId: number) => `/api/v1/accounts/${accountId}/custom_filters`;
export const folderKeys = { all: (accountId: number) => ['accounts', accountId, 'folders'] as const };

const fetchFolders = (accountId: number) => api.get<Folder[]>(`${filtersPath(accountId)}?filter_type=conversation`);

export function useFolders(accountId: number) {
  return useQuery({ queryKey: folderKeys.all(accountId), queryFn: () => fetchFolders(accountId), staleTime: 60_000 });
}

export const createFolder = (accountId: number, name: string, conditions: FilterCondition[]) =>
  api.post<Folder>(filtersPath(accountId), { name, type: 'conversation', query: { payload: conditions } });

export const deleteFolder = (accountId: number, id: number) => api.delete<unknown>(`${filtersPath(accountId)}/${id}`);

async function folderConditions(client: QueryClient, accountId: number, folderId: number): Promise<FilterCondition[]> {
  const folders = await client.ensureQueryData({ queryKey: folderKeys.all(accountId), queryFn: () => fetchFolders(accountId) });
  const folder = folders.find((f) => f.id === folderId);
  if (!folder?.query.payload?.length) throw new Error('folder not found');
  return folder.query.payload;
}

const filterConversations = (accountId: number, conditions: FilterCondition[], page: number) =>
  api.post<ConversationListPage>(`/api/v1/accounts/${accountId}/conversations/filter?page=${page}`, { payload: conditions });

/** A page of a folder's conversations, narrowed to the list's tab and status. */
export async function fetchFolderPage(client: QueryClient, accountId: number, userId: number, folderId: number, filter: ListFilter, page: number) {
  const conditions = await folderConditions(client, accountId, folderId);
  return filterConversations(accountId, narrowConditions(conditions, listConditions(filter.tab, filter.status, userId)), page);
}

/** The tab counts of a folder (the server counts the filtered conversations by assignee). */
export async function fetchFolderCounts(client: QueryClient, accountId: number, folderId: number, filter: Pick<ListFilter, 'status'>): Promise<TabCounts> {
  const conditions = await folderConditions(client, accountId, folderId);
  const page = await filterConversations(accountId, narrowConditions(conditions, listConditions(null, filter.status, 0)), 1);
  return page.data.meta;
}
