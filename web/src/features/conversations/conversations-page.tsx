import { AtSign, MessagesSquare, MessageSquareText, UserX, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';

export type ConversationView = 'all' | 'mentions' | 'unattended';

const VIEW_ICONS: Record<ConversationView, LucideIcon> = { all: MessagesSquare, mentions: AtSign, unattended: UserX };

/**
 * The conversation list (centre) and message panel (right) of guide chapter 1. Until channels exist
 * both are empty; each says what will appear there.
 */
export function ConversationsPage({ view }: { view: ConversationView }) {
  const { t } = useTranslation();
  return (
    <div className="flex h-full">
      <section className="flex min-w-0 flex-1 flex-col border-line xl:max-w-md xl:border-r">
        <header className="border-b border-line px-4 py-4 md:px-6">
          <h1 className="text-xl font-semibold tracking-tight text-ink">{t(`conversations.titles.${view}`)}</h1>
        </header>
        <div className="p-4 md:p-6">
          <EmptyState
            icon={VIEW_ICONS[view]}
            title={t(`conversations.empty.${view}.title`)}
            description={t(`conversations.empty.${view}.description`)}
          />
        </div>
      </section>
      <section
        aria-label={t('conversations.messagePanel')}
        className="hidden flex-1 flex-col items-center justify-center gap-3 p-8 text-center xl:flex"
      >
        <MessageSquareText className="size-10 text-muted/60" aria-hidden="true" />
        <p className="max-w-xs text-sm text-muted">{t('conversations.selectConversation')}</p>
      </section>
    </div>
  );
}
