import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, postForm } from '../../lib/api-client';
import { conversationKeys } from './conversation-keys';
import { fetchFolderCounts, fetchFolderPage } from './folders/folders-api';
import type {
  AgentCard,
  CannedResponse,
  ContactSummary,
  Conversation,
  ConversationListPage,
  ConversationPriority,
  ConversationStatus,
  Inbox,
  Label,
  ListFilter,
  ListScope,
  Message,
  MessagesPage,
  TabCounts,
  Team,
} from './conversation-types';

const accountPath = (accountId: number) => `/api/v1/accounts/${accountId}`;
const conversationPath = (accountId: number, id: number) => `${accountPath(accountId)}/conversations/${id}`;

/** The server pages lists by 25 and messages by 20. */
export const LIST_PAGE_SIZE = 25;
export const MESSAGE_PAGE_SIZE = 20;

export function scopeParams(scope: ListScope): URLSearchParams {
  const params = new URLSearchParams();
  if (scope.view === 'mentions') params.set('conversation_type', 'mention');
  if (scope.view === 'unattended') params.set('conversation_type', 'unattended');
  if (scope.view === 'inbox') params.set('inbox_id', String(scope.inboxId));
  if (scope.view === 'team') params.set('team_id', String(scope.teamId));
  if (scope.view === 'label') params.set('labels', scope.label);
  return params;
}

export function listParams(filter: ListFilter, page: number): URLSearchParams {
  const params = scopeParams(filter.scope);
  params.set('assignee_type', filter.tab);
  params.set('status', filter.status);
  params.set('sort_by', filter.sort);
  params.set('page', String(page));
  return params;
}

export const fetchConversationPage = (accountId: number, filter: ListFilter, page: number) =>
  api.get<ConversationListPage>(`${accountPath(accountId)}/conversations?${listParams(filter, page).toString()}`);

export const fetchChangedConversations = (accountId: number, updatedAfter: number, page: number) =>
  api.get<ConversationListPage>(`${accountPath(accountId)}/conversations?status=all&assignee_type=all&updated_after=${updatedAfter}&page=${page}`);

/** A loaded page of a list; live events may add or remove conversations, `hasMore` stays the server's. */
export type ListPage = { conversations: Conversation[]; hasMore: boolean };

export function useConversationList(accountId: number, filter: ListFilter, userId: number) {
  const client = useQueryClient();
  return useInfiniteQuery({
    queryKey: conversationKeys.list(accountId, filter),
    queryFn: async ({ pageParam }): Promise<ListPage> => {
      const { scope } = filter;
      const page =
        scope.view === 'folder'
          ? await fetchFolderPage(client, accountId, userId, scope.folderId, filter, pageParam)
          : await fetchConversationPage(accountId, filter, pageParam);
      return { conversations: page.data.payload, hasMore: page.data.payload.length >= LIST_PAGE_SIZE };
    },
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (last.hasMore ? pages.length + 1 : undefined),
    // Live events keep the list current; a refetch of many pages is only for reconnects.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useTabCounts(accountId: number, filter: Omit<ListFilter, 'tab' | 'sort'>) {
  const client = useQueryClient();
  return useQuery({
    queryKey: conversationKeys.countsFor(accountId, filter),
    queryFn: async () => {
      const { scope } = filter;
      if (scope.view === 'folder') return { meta: await fetchFolderCounts(client, accountId, scope.folderId, filter) };
      const params = scopeParams(filter.scope);
      params.set('status', filter.status);
      return api.get<{ meta: TabCounts }>(`${accountPath(accountId)}/conversations/meta?${params.toString()}`);
    },
    select: (data) => data.meta,
  });
}

/** One conversation (the message panel's header, actions and details). */
export const conversationQuery = (accountId: number, id: number) =>
  queryOptions({
    queryKey: conversationKeys.detail(accountId, id),
    queryFn: () => api.get<Conversation>(conversationPath(accountId, id)),
    // Fetched a moment ago by the press on its card: the panel opening uses that answer, not a second one.
    staleTime: 5_000,
  });

export function useConversation(accountId: number, id: number) {
  return useQuery(conversationQuery(accountId, id));
}

/** Messages newest page first; each next page is older (`before` the oldest loaded id). */
export const messagesQuery = (accountId: number, id: number) =>
  infiniteQueryOptions({
    queryKey: conversationKeys.messages(accountId, id),
    queryFn: ({ pageParam }) =>
      api.get<MessagesPage>(`${conversationPath(accountId, id)}/messages${pageParam ? `?before=${pageParam}` : ''}`),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.payload.length < MESSAGE_PAGE_SIZE ? undefined : last.payload[0]?.id),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });

export function useMessages(accountId: number, id: number) {
  return useInfiniteQuery(messagesQuery(accountId, id));
}

/** Asks for a conversation and its latest messages together (ahead of the panel that shows them). */
export function prefetchConversation(client: QueryClient, accountId: number, id: number) {
  void client.prefetchQuery(conversationQuery(accountId, id));
  void client.prefetchInfiniteQuery(messagesQuery(accountId, id));
}

export type SendMessageInput = { content: string; private: boolean; inReplyTo?: number; files?: File[] };

export function sendMessage(accountId: number, id: number, input: SendMessageInput): Promise<Message> {
  const path = `${conversationPath(accountId, id)}/messages`;
  const contentAttributes = input.inReplyTo ? { in_reply_to: input.inReplyTo } : undefined;
  if (input.files && input.files.length > 0) {
    const form = new FormData();
    form.set('content', input.content);
    form.set('private', String(input.private));
    if (contentAttributes) form.set('content_attributes', JSON.stringify(contentAttributes));
    for (const file of input.files) form.append('attachments[]', file);
    return postForm<Message>(path, form);
  }
  return api.post<Message>(path, { content: input.content, private: input.private, content_attributes: contentAttributes });
}

export const deleteMessage = (accountId: number, id: number, messageId: number) =>
  api.delete<Message>(`${conversationPath(accountId, id)}/messages/${messageId}`);

/** "Tentar novamente": a reply whose delivery failed goes back to sent (the channel's integration is told). */
export const retryMessage = (accountId: number, id: number, messageId: number) =>
  api.post<Message>(`${conversationPath(accountId, id)}/messages/${messageId}/retry`);

export const reactToMessage = (accountId: number, id: number, messageId: number, emoji: string) =>
  api.post<Message>(`${conversationPath(accountId, id)}/messages/${messageId}/reactions`, { emoji });

export const toggleStatus = (accountId: number, id: number, status: ConversationStatus, snoozedUntil?: number | null) =>
  api.post<{ payload: { current_status: ConversationStatus; snoozed_until: number | null } }>(`${conversationPath(accountId, id)}/toggle_status`, {
    status,
    ...(snoozedUntil !== undefined ? { snoozed_until: snoozedUntil } : {}),
  });

export const setPriority = (accountId: number, id: number, priority: ConversationPriority | 'none') =>
  api.post<unknown>(`${conversationPath(accountId, id)}/toggle_priority`, { priority });

export const assign = (accountId: number, id: number, body: { assignee_id?: number | null; team_id?: number | null }) =>
  api.post<unknown>(`${conversationPath(accountId, id)}/assignments`, body);

export const setLabels = (accountId: number, id: number, labels: string[]) =>
  api.post<{ payload: string[] }>(`${conversationPath(accountId, id)}/labels`, { labels });

export const setMuted = (accountId: number, id: number, muted: boolean) =>
  api.post<unknown>(`${conversationPath(accountId, id)}/${muted ? 'mute' : 'unmute'}`);

export const sendTranscript = (accountId: number, id: number, email: string) =>
  api.post<unknown>(`${conversationPath(accountId, id)}/transcript`, { email });

export const markRead = (accountId: number, id: number) => api.post<unknown>(`${conversationPath(accountId, id)}/update_last_seen`);

export const sendTyping = (accountId: number, id: number, on: boolean, isPrivate: boolean) =>
  api.post<unknown>(`${conversationPath(accountId, id)}/toggle_typing_status`, { typing_status: on ? 'on' : 'off', is_private: isPrivate });

export function useParticipants(accountId: number, id: number) {
  return useQuery({
    queryKey: conversationKeys.participants(accountId, id),
    queryFn: () => api.get<AgentCard[]>(`${conversationPath(accountId, id)}/participants`),
  });
}

export function useInboxes(accountId: number) {
  return useQuery({
    queryKey: conversationKeys.inboxes(accountId),
    queryFn: () => api.get<{ payload: Inbox[] }>(`${accountPath(accountId)}/inboxes`),
    select: (data) => data.payload,
    staleTime: 60_000,
  });
}

export function useLabels(accountId: number) {
  return useQuery({
    queryKey: conversationKeys.labels(accountId),
    queryFn: () => api.get<{ payload: Label[] }>(`${accountPath(accountId)}/labels`),
    select: (data) => data.payload,
    staleTime: 60_000,
  });
}

export function useTeams(accountId: number) {
  return useQuery({
    queryKey: conversationKeys.teams(accountId),
    queryFn: () => api.get<Team[]>(`${accountPath(accountId)}/teams`),
    staleTime: 60_000,
  });
}

export function useCannedResponses(accountId: number, search: string, enabled: boolean) {
  return useQuery({
    queryKey: [...conversationKeys.cannedResponses(accountId), search],
    queryFn: () => api.get<CannedResponse[]>(`${accountPath(accountId)}/canned_responses?search=${encodeURIComponent(search)}`),
    enabled,
    staleTime: 30_000,
  });
}

export function useContact(accountId: number, id: number | undefined) {
  return useQuery({
    queryKey: conversationKeys.contact(accountId, id ?? 0),
    queryFn: () => api.get<{ payload: ContactSummary }>(`${accountPath(accountId)}/contacts/${id}`),
    select: (data) => data.payload,
    enabled: id !== undefined,
  });
}

export function useContactConversations(accountId: number, id: number | undefined) {
  return useQuery({
    queryKey: conversationKeys.contactConversations(accountId, id ?? 0),
    queryFn: () => api.get<{ payload: Conversation[] }>(`${accountPath(accountId)}/contacts/${id}/conversations`),
    select: (data) => data.payload,
    enabled: id !== undefined,
  });
}

export type SearchResults = { conversations: Conversation[]; contacts: ContactSummary[]; messages: Message[] };

/** Conversations, contacts and messages matching the words (at least 2 characters). */
export function useSearch(accountId: number, query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: ['accounts', accountId, 'search', q],
    queryFn: () => api.get<{ payload: SearchResults }>(`${accountPath(accountId)}/search?q=${encodeURIComponent(q)}`),
    select: (data) => data.payload,
    enabled: q.length >= 2,
    staleTime: 10_000,
  });
}
