import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentAccount } from '../accounts/current-account';
import { conversationKeys } from './conversation-keys';
import type { Typist } from './live-cache';

/** "Fulano está digitando…", fed by live typing events (never fetched). */
export function TypingIndicator({ conversationId }: { conversationId: number }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const typing = useQuery<Typist[]>({
    queryKey: conversationKeys.typing(account.id, conversationId),
    queryFn: () => [],
    staleTime: Infinity,
    initialData: [],
  });
  const names = typing.data.map((typist) => typist.name).filter(Boolean);
  return (
    <p aria-live="polite" className="h-5 px-4 text-xs text-muted md:px-6">
      {names.length > 0 ? t('workspace.typing', { names: names.join(', '), count: names.length }) : ''}
    </p>
  );
}
