import type { RouteObject } from 'react-router';
import { ConversationsPage } from './conversations-page';

/** The secondary menu's views, each with its conversations open at `.../<id>` (account-relative paths). */
export const conversationRoutes: RouteObject[] = [
  { path: 'dashboard', element: <ConversationsPage view="all" /> },
  { path: 'conversations', element: <ConversationsPage view="all" /> },
  { path: 'conversations/mentions', element: <ConversationsPage view="mentions" /> },
  { path: 'conversations/mentions/conversations/:conversationId', element: <ConversationsPage view="mentions" /> },
  { path: 'conversations/unattended', element: <ConversationsPage view="unattended" /> },
  { path: 'conversations/unattended/conversations/:conversationId', element: <ConversationsPage view="unattended" /> },
  { path: 'conversations/:conversationId', element: <ConversationsPage view="all" /> },
  { path: 'inbox/:inboxId', element: <ConversationsPage view="inbox" /> },
  { path: 'inbox/:inboxId/conversations/:conversationId', element: <ConversationsPage view="inbox" /> },
  { path: 'label/:label', element: <ConversationsPage view="label" /> },
  { path: 'label/:label/conversations/:conversationId', element: <ConversationsPage view="label" /> },
  { path: 'team/:teamId', element: <ConversationsPage view="team" /> },
  { path: 'team/:teamId/conversations/:conversationId', element: <ConversationsPage view="team" /> },
  { path: 'custom_view/:folderId', element: <ConversationsPage view="folder" /> },
  { path: 'custom_view/:folderId/conversations/:conversationId', element: <ConversationsPage view="folder" /> },
];
