import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, postForm } from '../../lib/api-client';
import { readCsrfToken } from '../../lib/csrf-token';
import { i18n } from '../../lib/i18n';
import type { Conversation } from '../conversations/conversation-types';
import { listRequest, nextPage, type ListQuery } from './contact-query';
import type { Contact, ContactImport, ContactListPage, ContactNote, CustomAttributeDefinition, FilterItem, Segment } from './contact-types';
import type { MergeField } from './merge-choices';

const accountPath = (accountId: number) => `/api/v1/accounts/${accountId}`;
export const contactsPath = (accountId: number) => `${accountPath(accountId)}/contacts`;
const contactPath = (accountId: number, id: number) => `${contactsPath(accountId)}/${id}`;

/** The server pages contacts by 15. */
export const CONTACT_PAGE_SIZE = 15;

/**
 * Query keys under the account's `contacts` key, which the conversation panel's contact shares and
 * live contact events invalidate. The list lives apart (`contact-list`): a refetch of an infinite
 * list refetches every loaded page, too costly on each contact event; it is refreshed after this
 * page's own changes and when the list is opened again.
 */
export const contactKeys = {
  all: (accountId: number) => ['accounts', accountId, 'contacts'] as const,
  lists: (accountId: number) => ['accounts', accountId, 'contact-list'] as const,
  list: (accountId: number, query: ListQuery) => ['accounts', accountId, 'contact-list', query] as const,
  detail: (accountId: number, id: number) => ['accounts', accountId, 'contacts', id] as const,
  part: (accountId: number, id: number, part: 'labels' | 'notes' | 'conversations' | 'contactable_inboxes') =>
    ['accounts', accountId, 'contacts', id, part] as const,
  segments: (accountId: number) => ['accounts', accountId, 'custom-filters', 'contact'] as const,
  attributes: (accountId: number) => ['accounts', accountId, 'custom-attribute-definitions', 'contact_attribute'] as const,
  import: (accountId: number, id: number) => ['accounts', accountId, 'contact-imports', id] as const,
};

/** After a change: every contact query and the lists. */
export const refreshContacts = (client: QueryClient, accountId: number) =>
  Promise.all([client.invalidateQueries({ queryKey: contactKeys.all(accountId) }), client.invalidateQueries({ queryKey: contactKeys.lists(accountId) })]);

export type ContactPage = { contacts: Contact[]; count: number; page: number };

/** The list, page by page as it scrolls; each page knows the total count. */
export function useContactList(accountId: number, query: ListQuery) {
  return useInfiniteQuery({
    queryKey: contactKeys.list(accountId, query),
    queryFn: async ({ pageParam }): Promise<ContactPage> => {
      const request = listRequest(contactsPath(accountId), query, pageParam);
      const data = request.method === 'GET' ? await api.get<ContactListPage>(request.path) : await api.post<ContactListPage>(request.path, request.body);
      return { contacts: data.payload, count: data.meta.count, page: pageParam };
    },
    initialPageParam: 1,
    getNextPageParam: (last) => nextPage({ page: last.page, count: last.count, size: last.contacts.length }, CONTACT_PAGE_SIZE),
    placeholderData: keepPreviousData,
    // A refetch asks again for every loaded page: not on each return to the tab.
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

export function useContactDetail(accountId: number, id: number, enabled = true) {
  return useQuery({
    queryKey: contactKeys.detail(accountId, id),
    queryFn: () => api.get<{ payload: Contact }>(contactPath(accountId, id)),
    select: (data) => data.payload,
    enabled,
  });
}

export function useContactLabels(accountId: number, id: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: contactKeys.part(accountId, id, 'labels'),
    queryFn: () => api.get<{ payload: string[] }>(`${contactPath(accountId, id)}/labels`),
    select: (data) => data.payload,
  });
}

export function useContactNotes(accountId: number, id: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: contactKeys.part(accountId, id, 'notes'),
    queryFn: () => api.get<ContactNote[]>(`${contactPath(accountId, id)}/notes`),
  });
}

export function useContactHistory(accountId: number, id: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: contactKeys.part(accountId, id, 'conversations'),
    queryFn: () => api.get<{ payload: Conversation[] }>(`${contactPath(accountId, id)}/conversations`),
    select: (data) => data.payload,
  });
}

export function useContactableInboxes(accountId: number, id: number, enabled: boolean) {
  return useQuery({
    queryKey: contactKeys.part(accountId, id, 'contactable_inboxes'),
    queryFn: () => api.get<{ payload: { source_id: string; inbox: { id: number; name: string; channel_type: string } }[] }>(`${contactPath(accountId, id)}/contactable_inboxes`),
    select: (data) => data.payload,
    enabled,
  });
}

export function useContactAttributeDefinitions(accountId: number) {
  return useQuery({
    queryKey: contactKeys.attributes(accountId),
    queryFn: () => api.get<CustomAttributeDefinition[]>(`${accountPath(accountId)}/custom_attribute_definitions?attribute_model=contact_attribute`),
    staleTime: 60_000,
  });
}

export function useSegments(accountId: number) {
  return useQuery({
    queryKey: contactKeys.segments(accountId),
    queryFn: () => api.get<Segment[]>(`${accountPath(accountId)}/custom_filters?filter_type=contact`),
  });
}

export const createSegment = (accountId: number, name: string, payload: FilterItem[]) =>
  api.post<Segment>(`${accountPath(accountId)}/custom_filters`, { name, filter_type: 'contact', query: { payload } });

export const deleteSegment = (accountId: number, id: number) => api.delete<unknown>(`${accountPath(accountId)}/custom_filters/${id}`);

export type ContactChanges = {
  name?: string;
  email?: string | null;
  phone_number?: string | null;
  identifier?: string | null;
  blocked?: boolean;
  additional_attributes?: Record<string, unknown>;
  custom_attributes?: Record<string, unknown>;
};

export const updateContact = (accountId: number, id: number, changes: ContactChanges) =>
  api.patch<{ payload: Contact }>(contactPath(accountId, id), changes).then((r) => r.payload);

export const createContact = (accountId: number, fields: ContactChanges) =>
  api.post<{ payload: { contact: Contact } }>(contactsPath(accountId), fields).then((r) => r.payload.contact);

export const deleteContact = (accountId: number, id: number) => api.delete<unknown>(contactPath(accountId, id));

export const setContactLabels = (accountId: number, id: number, labels: string[]) =>
  api.post<{ payload: string[] }>(`${contactPath(accountId, id)}/labels`, { labels });

export const addNote = (accountId: number, id: number, content: string) => api.post<ContactNote>(`${contactPath(accountId, id)}/notes`, { content });

export const deleteNote = (accountId: number, id: number, noteId: number) => api.delete<unknown>(`${contactPath(accountId, id)}/notes/${noteId}`);

export const mergeContacts = (accountId: number, baseId: number, mergeeId: number, preferMergee: MergeField[]) =>
  api.post<Contact>(`${accountPath(accountId)}/actions/contact_merge`, {
    base_contact_id: baseId,
    mergee_contact_id: mergeeId,
    prefer_mergee: preferMergee,
  });

export const searchContacts = (accountId: number, q: string) =>
  api.get<ContactListPage>(`${contactsPath(accountId)}/search?q=${encodeURIComponent(q)}&page=1`).then((r) => r.payload);

export const startConversation = (accountId: number, body: { inbox_id: number; contact_id: number; message: { content: string } }) =>
  api.post<Conversation>(`${accountPath(accountId)}/conversations`, body);

export function startImport(accountId: number, file: File, mapping: Record<string, number>) {
  const form = new FormData();
  form.append('mapping', JSON.stringify(mapping));
  form.append('import_file', file);
  return postForm<ContactImport>(`${contactsPath(accountId)}/import`, form);
}

/** An import's progress, asked for every half second until it ends. */
export function useImportProgress(accountId: number, id: number | null) {
  return useQuery({
    queryKey: contactKeys.import(accountId, id ?? 0),
    queryFn: () => api.get<ContactImport>(`${contactsPath(accountId)}/imports/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && (query.state.data.status === 'completed' || query.state.data.status === 'failed') ? false : 500),
  });
}

export const rejectedRowsUrl = (accountId: number, importId: number) => `${contactsPath(accountId)}/imports/${importId}/rejected_rows`;

/** Streams the export and hands the CSV to the browser as a download. */
export async function exportContacts(accountId: number, columns: string[], payload: FilterItem[] | undefined): Promise<void> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'text/csv', 'Accept-Language': i18n.language };
  const csrf = readCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const response = await fetch(`${contactsPath(accountId)}/export`, {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    body: JSON.stringify({ column_names: columns, ...(payload && payload.length > 0 ? { payload } : {}) }),
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => ({}));
    throw new ApiError(response.status, typeof body === 'object' && body !== null ? body : {});
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'contatos.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
