import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentAccount } from '../accounts/current-account';
import { conversationKeys } from './conversation-keys';
import type { Presence } from './live-cache';

const COLORS: Record<string, string> = { online: 'bg-success', busy: 'bg-warning' };

/** Who is online right now, from the live `presence.update` events (nothing is fetched). */
export function PresenceDot({ kind, id }: { kind: 'users' | 'contacts'; id: number }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const presence = useQuery<Presence>({
    queryKey: conversationKeys.presence(account.id),
    queryFn: () => ({ users: {}, contacts: {} }),
    staleTime: Infinity,
    initialData: { users: {}, contacts: {} },
  });
  const status = presence.data[kind][String(id)];
  if (!status || !COLORS[status]) return null;
  return <span role="img" aria-label={t(`availability.${status}`)} className={`size-2 shrink-0 rounded-full ${COLORS[status]}`} />;
}
