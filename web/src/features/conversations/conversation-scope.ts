import { useParams } from 'react-router';
import { accountBasePath } from '../navigation/nav-items';
import type { ListScope } from './conversation-types';

export type ScopeView = ListScope['view'];

/** The list named by the URL: `/conversations`, `/mentions`, `/inbox/:inboxId`, `/label/:label`, `/team/:teamId`... */
export function useListScope(view: ScopeView): ListScope {
  const params = useParams();
  if (view === 'inbox') return { view, inboxId: Number(params.inboxId) };
  if (view === 'team') return { view, teamId: Number(params.teamId) };
  if (view === 'label') return { view, label: params.label ?? '' };
  if (view === 'folder') return { view, folderId: Number(params.folderId) };
  return { view };
}

/** Where the list of a scope lives; a conversation opens at `<list path>/<id>` (…/conversations/<id> for inbox, label, team). */
export function scopePath(accountId: number, scope: ListScope): string {
  const base = accountBasePath(accountId);
  switch (scope.view) {
    case 'all':
      return `${base}/conversations`;
    case 'mentions':
      return `${base}/conversations/mentions`;
    case 'unattended':
      return `${base}/conversations/unattended`;
    case 'inbox':
      return `${base}/inbox/${scope.inboxId}`;
    case 'label':
      return `${base}/label/${encodeURIComponent(scope.label)}`;
    case 'team':
      return `${base}/team/${scope.teamId}`;
    case 'folder':
      return `${base}/custom_view/${scope.folderId}`;
  }
}

export function conversationPath(accountId: number, scope: ListScope, conversationId: number): string {
  const list = scopePath(accountId, scope);
  return scope.view === 'all' ? `${list}/${conversationId}` : `${list}/conversations/${conversationId}`;
}
