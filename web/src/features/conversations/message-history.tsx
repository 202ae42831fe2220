import { LoaderCircle } from 'lucide-react';
import { Fragment, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentAccount } from '../accounts/current-account';
import type { Conversation, Message } from './conversation-types';
import { useMessages } from './conversations-api';
import { DaySeparator } from './day-separator';
import { MessageItem } from './message-item';
import { dayKey } from './time-format';

/**
 * "Histórico da Conversa", newest at the bottom. The scroller runs bottom-up (column-reverse), so
 * older pages added above never move what the agent is reading; reaching the top loads the next.
 */
export function MessageHistory({ conversation, onReply }: { conversation: Conversation; onReply(message: Message): void }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const messages = useMessages(account.id, conversation.id);
  const topRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;

  const ordered = useMemo(() => {
    const all = (messages.data?.pages ?? []).flatMap((p) => p.payload);
    const seen = new Set<number>();
    return all.filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true))).sort((a, b) => a.id - b.id);
  }, [messages.data]);
  const byId = useMemo(() => new Map(ordered.map((m) => [m.id, m])), [ordered]);

  useEffect(() => {
    const top = topRef.current;
    if (!top) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && hasNextPage && !isFetchingNextPage) void fetchNextPage();
      },
      { root: rootRef.current, rootMargin: '200px 0px 0px 0px' },
    );
    observer.observe(top);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (messages.isPending) {
    return (
      <div className="flex flex-1 items-center justify-center" role="status" aria-label={t('common.loading')}>
        <LoaderCircle className="size-6 animate-spin text-muted" aria-hidden="true" />
      </div>
    );
  }

  return (
    <div ref={rootRef} className="flex min-h-0 flex-1 flex-col-reverse overflow-y-auto">
      <ol aria-label={t('workspace.history.label')} className="flex flex-col px-3 py-4 md:px-6">
        <li aria-hidden="true">
          <div ref={topRef} className="h-px" />
        </li>
        {isFetchingNextPage && (
          <li className="flex justify-center py-2" role="status" aria-label={t('workspace.history.loadingOlder')}>
            <LoaderCircle className="size-4 animate-spin text-muted" aria-hidden="true" />
          </li>
        )}
        {!hasNextPage && ordered.length > 0 && <li className="py-2 text-center text-xs text-muted">{t('workspace.history.start')}</li>}
        {ordered.map((message, index) => {
          const previous = ordered[index - 1];
          const newDay = !previous || dayKey(previous.created_at) !== dayKey(message.created_at);
          return (
            <Fragment key={message.id}>
              {newDay && <DaySeparator at={message.created_at} />}
              <MessageItem message={message} conversation={conversation} quoted={quoted(message, byId)} onReply={onReply} />
            </Fragment>
          );
        })}
      </ol>
    </div>
  );
}

const quoted = (message: Message, byId: Map<number, Message>) => {
  const id = message.content_attributes.in_reply_to;
  return typeof id === 'number' ? byId.get(id) : undefined;
};
