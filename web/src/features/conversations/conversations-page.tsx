import { LoaderCircle, MessageSquareText } from 'lucide-react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentAccount } from '../accounts/current-account';
import { useListScope, type ScopeView } from './conversation-scope';
import { ConversationListPanel } from './conversation-list-panel';
import { prefetchConversation } from './conversations-api';
import type { MessagePanel as MessagePanelType } from './message-panel';

// The list shows first; the message panel (and its Markdown renderer) is fetched once the browser is
// idle after that, so that opening a conversation does not wait for it. Once fetched it is rendered
// directly: through `lazy` it would suspend once more, and React holds a revealed Suspense boundary
// back for up to 300 ms.
let loadedPanel: typeof MessagePanelType | undefined;
const loadMessagePanel = () => import('./message-panel').then((module) => (loadedPanel = module.MessagePanel));
const LazyMessagePanel = lazy(() => loadMessagePanel().then((panel) => ({ default: panel })));

function usePreloadMessagePanel() {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => void loadMessagePanel());
    return () => cancel(handle);
  }, []);
}

/**
 * Asks for the open conversation and its latest messages as soon as it is chosen, together, rather
 * than when the panel has loaded and the conversation has answered.
 */
function usePrefetchConversation(accountId: number, id: number | undefined) {
  const client = useQueryClient();
  useEffect(() => {
    if (id !== undefined) prefetchConversation(client, accountId, id);
  }, [client, accountId, id]);
}

/**
 * The workspace of guide chapters 3–5: the conversation list (centre) and, once one is chosen, its
 * messages and details (right). On a phone only one of the two shows at a time.
 */
export function ConversationsPage({ view }: { view: ScopeView }) {
  const { t } = useTranslation();
  const scope = useListScope(view);
  const { conversationId } = useParams();
  const openId = conversationId && /^\d+$/.test(conversationId) ? Number(conversationId) : undefined;
  const { account } = useCurrentAccount();
  usePreloadMessagePanel();
  usePrefetchConversation(account.id, openId);
  const MessagePanel = loadedPanel ?? LazyMessagePanel;

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
