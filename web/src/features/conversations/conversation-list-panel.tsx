import { Search } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { BulkActionsBar } from './bulk/bulk-actions-bar';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentAccount } from '../accounts/current-account';
import { conversationPath } from './conversation-scope';
import type { ListScope } from './conversation-types';
import { onWorkspaceCommand } from './workspace-commands';
import { useConversationList, useInboxes, useLabels, useTabCounts, useTeams } from './conversations-api';
import { ConversationTabs } from './conversation-tabs';
import { FolderHeaderActions } from './folders/folder-header-actions';
import { useFolders } from './folders/folders-api';
import { ListFilters } from './list-filters';
import { SearchResults } from './search-results';
import { uniqueById } from '../../components/use-paged-virtual-rows';
import { VirtualConversationList } from './virtual-conversation-list';
import { useListPreferences } from './use-list-preferences';

/** Guide chapter 3: title, the "Minhas / Não atribuídas / Todas" tabs, filters, and the cards. */
export function ConversationListPanel({ scope, openId }: { scope: ListScope; openId: number | undefined }) {
  const { account, user } = useCurrentAccount();
  const [preferences, setPreferences] = useListPreferences();
  // A folder's own conditions say which statuses it holds; only the assignee tabs narrow it.
  const inFolder = scope.view === 'folder';
  const filter = { scope, ...preferences, ...(inFolder ? { status: 'all' as const } : {}) };
  const list = useConversationList(account.id, filter, user.id);
  const counts = useTabCounts(account.id, { scope, status: filter.status });
  const title = useScopeTitle(scope);
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const { t } = useTranslation();
  // The selection belongs to one list: another view, tab or filter starts with none.
  const selectionKey = JSON.stringify(filter);
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<number> }>({ key: selectionKey, ids: new Set() });
  const selectedIds = selection.key === selectionKey ? selection.ids : new Set<number>();
  const visible = useMemo(() => uniqueById(list.data?.pages.flatMap((p) => p.conversations) ?? []), [list.data]);
  const selectedConversations = visible.filter((c) => selectedIds.has(c.id));
  const setSelected = (ids: ReadonlySet<number>) => setSelection({ key: selectionKey, ids });
  const toggleSelected = (id: number) => {
    const next = new Set(selectedIds);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
  };

  useEffect(
    () =>
      onWorkspaceCommand((command) => {
        if (command !== 'next' && command !== 'previous') return;
        const ids = (list.data?.pages ?? []).flatMap((p) => p.conversations.map((c) => c.id));
        const index = openId === undefined ? -1 : ids.indexOf(openId);
        const target = ids[command === 'next' ? index + 1 : Math.max(index - 1, 0)];
        if (target !== undefined) void navigate(conversationPath(account.id, scope, target));
      }),
    [list.data, openId, account.id, scope, navigate],
  );

  return (
    <section aria-label={title} className="flex min-h-0 flex-1 flex-col bg-surface">
      <header className="flex flex-col gap-3 border-b border-line px-4 pt-4">
        <div className="flex items-center justify-between gap-2">
          <h1 className="truncate text-lg font-semibold tracking-tight text-ink">{title}</h1>
          <div className="flex shrink-0 items-center gap-1.5">
            <FolderHeaderActions scope={scope} />
            {!inFolder && <ListFilters status={preferences.status} sort={preferences.sort} onChange={setPreferences} />}
          </div>
        </div>
        <label className="flex items-center gap-2 rounded-lg border border-line bg-canvas px-2.5 focus-within:border-brand">
          <Search className="size-4 shrink-0 text-muted" aria-hidden="true" />
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('workspace.search.short')}
            aria-label={t('workspace.search.placeholder')}
            className="w-full bg-transparent py-1.5 text-sm text-ink outline-none placeholder:text-muted"
          />
        </label>
        {query.trim() === '' && selectedConversations.length > 0 && (
          <BulkActionsBar
            selected={selectedConversations}
            visibleCount={visible.length}
            onSelectAll={() => setSelected(new Set(visible.map((c) => c.id)))}
            onClear={() => setSelected(new Set())}
            onDone={(changed) =>
              setSelection((current) => ({ key: current.key, ids: new Set([...current.ids].filter((id) => !changed.includes(id))) }))
            }
          />
        )}
        {query.trim() === '' && selectedConversations.length === 0 && (
          <ConversationTabs tab={preferences.tab} counts={counts.data} onChange={(tab) => setPreferences({ tab })} />
        )}
        {query.trim() !== '' && <div className="pb-2" />}
      </header>
      {query.trim() === '' ? <VirtualConversationList list={list} scope={scope} openId={openId} selected={selectedIds} onToggleSelected={toggleSelected} /> : <SearchResults query={query} />}
    </section>
  );
}

function useScopeTitle(scope: ListScope): string {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const inboxes = useInboxes(account.id);
  const teams = useTeams(account.id);
  const labels = useLabels(account.id);
  const folders = useFolders(account.id);
  switch (scope.view) {
    case 'all':
    case 'mentions':
    case 'unattended':
      return t(`conversations.titles.${scope.view}`);
    case 'inbox':
      return inboxes.data?.find((i) => i.id === scope.inboxId)?.name ?? t('secondaryMenu.inboxes');
    case 'team':
      return teams.data?.find((team) => team.id === scope.teamId)?.name ?? t('secondaryMenu.teams');
    case 'label':
      return labels.data?.find((l) => l.title === scope.label) ? `#${scope.label}` : t('secondaryMenu.labels');
    case 'folder':
      return folders.data?.find((f) => f.id === scope.folderId)?.name ?? t('secondaryMenu.folders');
  }
}
