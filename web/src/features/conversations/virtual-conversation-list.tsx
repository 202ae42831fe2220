import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { LoaderCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { EmptyState } from '../../components/empty-state';
import { usePagedVirtualRows } from '../../components/use-paged-virtual-rows';
import { useCurrentAccount } from '../accounts/current-account';
import { ConversationCard } from './conversation-card';
import type { ListScope } from './conversation-types';
import type { ListPage } from './conversations-api';
import { MessagesSquare } from 'lucide-react';

const CARD_HEIGHT = 96;
/** Load the next page this many cards before the end. */
const PREFETCH_CARDS = 10;

type Props = {
  list: UseInfiniteQueryResult<InfiniteData<ListPage, unknown>>;
  scope: ListScope;
  openId: number | undefined;
  selected?: ReadonlySet<number>;
  onToggleSelected?(id: number): void;
};

/** Only the cards on screen are in the DOM, so 10,000 conversations scroll like 10. */
export function VirtualConversationList({ list, scope, openId, selected, onToggleSelected }: Props) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const { rows: conversations, scrollRef, virtualizer, items } = usePagedVirtualRows(list, (page) => page.conversations, {
    rowHeight: CARD_HEIGHT,
    overscan: 8,
    prefetch: PREFETCH_CARDS,
  });

  if (list.isPending) {
    return (
      <div className="flex flex-1 items-center justify-center p-6" role="status" aria-label={t('common.loading')}>
        <LoaderCircle className="size-6 animate-spin text-muted" aria-hidden="true" />
      </div>
    );
  }
  if (list.isError) return <p className="p-6 text-sm text-danger">{t('workspace.list.loadError')}</p>;
  if (conversations.length === 0) {
    return (
      <div className="p-4">
        <EmptyState icon={MessagesSquare} {...emptyTexts(scope, t)} />
      </div>
    );
  }

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto" data-testid="conversation-list-scroller">
      <ul aria-label={t('workspace.list.label')} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const conversation = conversations[item.index]!;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute left-0 w-full"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ConversationCard
                accountId={account.id}
                scope={scope}
                conversation={conversation}
                active={conversation.id === openId}
                selection={
                  selected && onToggleSelected
                    ? { selected: selected.has(conversation.id), selecting: selected.size > 0, onToggle: onToggleSelected }
                    : undefined
                }
              />
            </li>
          );
        })}
      </ul>
      {list.isFetchingNextPage && (
        <div className="flex justify-center py-3" role="status" aria-label={t('common.loading')}>
          <LoaderCircle className="size-4 animate-spin text-muted" aria-hidden="true" />
        </div>
      )}
    </div>
  );
}

/** The views of the guide say what will appear in them; inbox, label and team lists share one text. */
function emptyTexts(scope: ListScope, t: TFunction): { title: string; description: string } {
  const view = scope.view === 'all' || scope.view === 'mentions' || scope.view === 'unattended' ? scope.view : undefined;
  return view
    ? { title: t(`conversations.empty.${view}.title`), description: t(`conversations.empty.${view}.description`) }
    : { title: t('workspace.list.emptyTitle'), description: t('workspace.list.emptyDescription') };
}
