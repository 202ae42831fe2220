import { LoaderCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useCurrentAccount } from '../accounts/current-account';
import { Composer } from './composer';
import { ConversationActions } from './conversation-actions';
import { ConversationHeader } from './conversation-header';
import type { ListScope } from './conversation-types';
import { markRead, useConversation } from './conversations-api';
import { DetailsPanel } from './details-panel';
import { MessageHistory } from './message-history';
import { applyConversation } from './live-cache';
import { TypingIndicator } from './typing-indicator';
import type { Message } from './conversation-types';

const DETAILS_KEY = 'rockethub.detailsOpen';

/** Guide chapter 4: the conversation's header, actions, history and reply box; chapter 5 beside it. */
export function MessagePanel({ scope, conversationId }: { scope: ListScope; conversationId: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { account, user } = useCurrentAccount();
  const conversation = useConversation(account.id, conversationId);
  const [detailsOpen, setDetailsOpen] = useState(
    // Open by default where there is room beside the messages; on a phone it covers them, so it waits to be asked.
    () => (localStorage.getItem(DETAILS_KEY) ?? String(window.matchMedia('(min-width: 1536px)').matches)) === 'true',
  );
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const unread = conversation.data?.unread_count ?? 0;

  useEffect(() => {
    if (unread === 0 || !conversation.data) return;
    const seen = { ...conversation.data, unread_count: 0 };
    void markRead(account.id, conversationId).then(() => applyConversation(client, account.id, user.id, seen));
  }, [unread, conversation.data, account.id, conversationId, client, user.id]);

  const toggleDetails = () => {
    setDetailsOpen((open) => {
      localStorage.setItem(DETAILS_KEY, String(!open));
      return !open;
    });
  };

  if (conversation.isPending) {
    return (
      <div className="flex flex-1 items-center justify-center" role="status" aria-label={t('common.loading')}>
        <LoaderCircle className="size-6 animate-spin text-muted" aria-hidden="true" />
      </div>
    );
  }
  if (conversation.isError) {
    return <p className="flex flex-1 items-center justify-center p-6 text-sm text-muted">{t('workspace.panel.notFound')}</p>;
  }

  const data = conversation.data;
  return (
    <div className="flex min-w-0 flex-1">
      <section aria-label={t('conversations.messagePanel')} className="flex min-w-0 flex-1 flex-col bg-canvas">
        <ConversationHeader scope={scope} conversation={data} detailsOpen={detailsOpen} onToggleDetails={toggleDetails}>
          <ConversationActions conversation={data} />
        </ConversationHeader>
        <MessageHistory conversation={data} onReply={setReplyTo} />
        <TypingIndicator conversationId={data.id} />
        <Composer conversation={data} replyTo={replyTo} onClearReply={() => setReplyTo(null)} />
      </section>
      {detailsOpen && <DetailsPanel conversation={data} onClose={toggleDetails} />}
    </div>
  );
}
