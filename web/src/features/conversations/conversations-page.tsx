import { LoaderCircle, MessageSquareText } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useListScope, type ScopeView } from './conversation-scope';
import { ConversationListPanel } from './conversation-list-panel';

// The list shows first; the message panel (and its Markdown renderer) loads when a conversation opens.
const MessagePanel = lazy(() => import('./message-panel').then((module) => ({ default: module.MessagePanel })));

/**
 * The workspace of guide chapters 3–5: the conversation list (centre) and, once one is chosen, its
 * messages and details (right). On a phone only one of the two shows at a time.
 */
export function ConversationsPage({ view }: { view: ScopeView }) {
  const { t } = useTranslation();
  const scope = useListScope(view);
  const { conversationId } = useParams();
  const openId = conversationId && /^\d+$/.test(conversationId) ? Number(conversationId) : undefined;

  return (
    <div className="flex h-full min-h-0">
      <div className={`${openId ? 'hidden lg:flex' : 'flex'} w-full min-w-0 flex-col border-line lg:w-80 xl:w-[22rem] lg:shrink-0 lg:border-r`}>
        <ConversationListPanel scope={scope} openId={openId} />
      </div>
      {openId ? (
        <Suspense
          fallback={
            <div className="flex flex-1 items-center justify-center" role="status" aria-label={t('common.loading')}>
              <LoaderCircle className="size-6 animate-spin text-muted" aria-hidden="true" />
            </div>
          }
        >
          <MessagePanel key={openId} scope={scope} conversationId={openId} />
        </Suspense>
      ) : (
        <section
          aria-label={t('conversations.messagePanel')}
          className="hidden flex-1 flex-col items-center justify-center gap-3 p-8 text-center lg:flex"
        >
          <MessageSquareText className="size-10 text-muted/60" aria-hidden="true" />
          <p className="max-w-xs text-sm text-muted">{t('conversations.selectConversation')}</p>
        </section>
      )}
    </div>
  );
}
