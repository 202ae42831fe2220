import type { ListFilter } from './conversation-types';

/** TanStack Query keys of the conversation workspace; live events update the same keys. */
export const conversationKeys = {
  all: (accountId: number) => ['accounts', accountId, 'conversations'] as const,
  lists: (accountId: number) => ['accounts', accountId, 'conversations', 'list'] as const,
  list: (accountId: number, filter: ListFilter) => ['accounts', accountId, 'conversations', 'list', filter] as const,
  counts: (accountId: number) => ['accounts', accountId, 'conversations', 'counts'] as const,
  countsFor: (accountId: number, filter: Omit<ListFilter, 'tab' | 'sort'>) => ['accounts', accountId, 'conversations', 'counts', filter] as const,
  detail: (accountId: number, id: number) => ['accounts', accountId, 'conversations', 'detail', id] as const,
  messages: (accountId: number, id: number) => ['accounts', accountId, 'conversations', 'messages', id] as const,
  participants: (accountId: number, id: number) => ['accounts', accountId, 'conversations', 'participants', id] as const,
  typing: (accountId: number, id: number) => ['accounts', accountId, 'conversations', 'typing', id] as const,
  presence: (accountId: number) => ['accounts', accountId, 'presence'] as const,
  inboxes: (accountId: number) => ['accounts', accountId, 'inboxes'] as const,
  labels: (accountId: number) => ['accounts', accountId, 'labels'] as const,
  teams: (accountId: number) => ['accounts', accountId, 'teams'] as const,
  cannedResponses: (accountId: number) => ['accounts', accountId, 'canned-responses'] as const,
  contact: (accountId: number, id: number) => ['accounts', accountId, 'contacts', id] as const,
  contactConversations: (accountId: number, id: number) => ['accounts', accountId, 'contacts', id, 'conversations'] as const,
};
