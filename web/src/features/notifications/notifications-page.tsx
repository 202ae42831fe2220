import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AlarmClock, Bell, CheckCheck, Circle, CircleDot, Trash2 } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { FormAlert } from '../../components/form-alert';
import { PageHeader } from '../../components/page-header';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import { snoozeUntil, type SnoozeOption } from '../conversations/snooze-times';
import { accountBasePath } from '../navigation/nav-items';
import {
  deleteAllNotifications,
  deleteNotification,
  fetchNotifications,
  markAllRead,
  markRead,
  markUnread,
  notificationKeys,
  snoozeNotification,
  type AppNotification,
} from './notifications-api';

const PAGE_SIZE = 15;
const SNOOZE_CHOICES: SnoozeOption[] = ['oneHour', 'tomorrow', 'nextWeek', 'nextMonth'];
const itemClasses = 'flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm text-ink outline-none data-[highlighted]:bg-subtle';
const iconButton = 'flex size-8 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-ink';

/** "Notificações": newest first; read, unread, snooze, delete; a click opens the conversation. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { account } = useCurrentAccount();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [pages, setPages] = useState(1);
  const [confirmDeleteAll, setConfirmDeleteAll] = useState(false);
  const list = useQuery({ queryKey: [...notificationKeys.list(account.id), pages], queryFn: () => fetchNotifications(account.id, pages) });

  const refresh = () => client.invalidateQueries({ queryKey: notificationKeys.all(account.id) });
  const action = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onSettled: refresh });
  const deleteAll = useMutation({
    mutationFn: () => deleteAllNotifications(account.id),
    onSuccess: () => setConfirmDeleteAll(false),
    onSettled: refresh,
  });

  const items = list.data?.items ?? [];
  const formatter = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  const open = (n: AppNotification) => {
    if (!n.read_at) action.mutate(() => markRead(account.id, n.id));
    void navigate(`${accountBasePath(account.id)}/conversations/${n.primary_actor_id}`);
  };

  return (
    <>
      <PageHeader
        title={t('notificationCenter.title')}
        description={t('notificationCenter.description')}
        actions={
          items.length > 0 && (
            <>
              <Button variant="secondary" onClick={() => action.mutate(() => markAllRead(account.id))} disabled={(list.data?.unread ?? 0) === 0}>
                <CheckCheck className="size-4" aria-hidden="true" />
                {t('notificationCenter.markAllRead')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirmDeleteAll(true)}>
                <Trash2 className="size-4" aria-hidden="true" />
                {t('notificationCenter.deleteAll')}
              </Button>
            </>
          )
        }
      />
      <div className="p-4 md:p-8">
        {action.isError && <FormAlert>{apiErrorMessage(action.error, t)}</FormAlert>}
        {list.isError && <FormAlert>{apiErrorMessage(list.error, t)}</FormAlert>}
        {list.isSuccess && items.length === 0 && (
          <EmptyState icon={Bell} title={t('notificationCenter.emptyTitle')} description={t('notificationCenter.emptyDescription')} />
        )}
        {items.length > 0 && (
          <ul className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface" aria-label={t('notificationCenter.title')}>
            {items.map((n) => {
              const unread = !n.read_at;
              return (
                <li key={n.id} data-notification-id={n.id} data-unread={unread} className={`flex items-start gap-3 px-3 py-3 sm:px-4 ${unread ? 'bg-brand-soft/40' : ''}`}>
                  <span className="mt-1.5 flex size-2.5 shrink-0 items-center justify-center" aria-hidden="true">
                    {unread && <span className="size-2.5 rounded-full bg-brand" />}
                  </span>
                  <button type="button" onClick={() => open(n)} className="min-w-0 flex-1 text-left">
                    <span className={`block truncate text-sm ${unread ? 'font-semibold text-ink' : 'text-ink'}`}>{n.push_message_title}</span>
                    {n.push_message_body && <span className="block truncate text-sm text-muted">{n.push_message_body}</span>}
                    <span className="mt-0.5 block text-xs text-muted">
                      {formatter.format(new Date(n.last_activity_at * 1000))}
                      {unread && <span className="sr-only"> · {t('notificationCenter.unread')}</span>}
                    </span>
                  </button>
                  <div className="flex shrink-0 items-center">
                    <button
                      type="button"
                      className={iconButton}
                      title={unread ? t('notificationCenter.markRead') : t('notificationCenter.markUnread')}
                      aria-label={unread ? t('notificationCenter.markRead') : t('notificationCenter.markUnread')}
                      onClick={() => action.mutate(() => (unread ? markRead(account.id, n.id) : markUnread(account.id, n.id)))}
                    >
                      {unread ? <CircleDot className="size-4" aria-hidden="true" /> : <Circle className="size-4" aria-hidden="true" />}
                    </button>
                    <DropdownMenu.Root>
                      <DropdownMenu.Trigger className={iconButton} title={t('notificationCenter.snooze')} aria-label={t('notificationCenter.snooze')}>
                        <AlarmClock className="size-4" aria-hidden="true" />
                      </DropdownMenu.Trigger>
                      <DropdownMenu.Portal>
                        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-xl border border-line bg-surface p-1.5 shadow-lg">
                          {SNOOZE_CHOICES.map((choice) => (
                            <DropdownMenu.Item
                              key={choice}
                              className={itemClasses}
                              onSelect={() => action.mutate(() => snoozeNotification(account.id, n.id, new Date(snoozeUntil(choice)! * 1000)))}
                            >
                              {t(`workspace.snooze.${choice}`)}
                            </DropdownMenu.Item>
                          ))}
                        </DropdownMenu.Content>
                      </DropdownMenu.Portal>
                    </DropdownMenu.Root>
                    <button
                      type="button"
                      className={iconButton}
                      title={t('notificationCenter.delete')}
                      aria-label={t('notificationCenter.delete')}
                      onClick={() => action.mutate(() => deleteNotification(account.id, n.id))}
                    >
                      <Trash2 className="size-4" aria-hidden="true" />
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {list.data && items.length < list.data.total && items.length >= pages * PAGE_SIZE && (
          <div className="mt-4 flex justify-center">
            <Button variant="secondary" onClick={() => setPages((p) => p + 1)} busy={list.isFetching}>
              {t('notificationCenter.loadMore')}
            </Button>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={confirmDeleteAll}
        onOpenChange={setConfirmDeleteAll}
        title={t('notificationCenter.deleteAllTitle')}
        description={t('notificationCenter.deleteAllDescription')}
        confirmLabel={t('notificationCenter.deleteAll')}
        onConfirm={() => deleteAll.mutate()}
        busy={deleteAll.isPending}
        error={deleteAll.isError ? apiErrorMessage(deleteAll.error, t) : null}
      />
    </>
  );
}
