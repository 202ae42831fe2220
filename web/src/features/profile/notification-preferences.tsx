import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BellRing } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import {
  fetchNotificationSettings,
  NOTIFICATION_TYPES,
  notificationKeys,
  updateNotificationSettings,
  type NotificationType,
} from '../notifications/notifications-api';
import { currentPushState, disableBrowserPush, enableBrowserPush, type PushState } from './browser-push';
import { SaveForm } from './field-section';

type Channel = 'email' | 'push';

/** Flags as the API names them (`email_conversation_creation`) ⇄ the set of chosen events of a channel. */
export const flagsOf = (channel: Channel, types: Iterable<NotificationType>) => [...types].map((type) => `${channel}_${type}`);
export const typesOf = (channel: Channel, flags: string[]) =>
  new Set(NOTIFICATION_TYPES.filter((type) => flags.includes(`${channel}_${type}`)));

/** "Preferências de Notificação": the eight events × "E-mail" and "Notificação Push", with one "Salvar". */
export function NotificationPreferencesForm() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: notificationKeys.settings(account.id), queryFn: () => fetchNotificationSettings(account.id) });
  const [email, setEmail] = useState<Set<NotificationType> | null>(null);
  const [push, setPush] = useState<Set<NotificationType> | null>(null);
  const save = useMutation({
    mutationFn: () =>
      updateNotificationSettings(account.id, { selected_email_flags: flagsOf('email', email ?? []), selected_push_flags: flagsOf('push', push ?? []) }),
    onSuccess: (saved) => client.setQueryData(notificationKeys.settings(account.id), saved),
  });

  if (settings.isError) return <FormAlert>{apiErrorMessage(settings.error, t)}</FormAlert>;
  if (!settings.data) return <p className="text-sm text-muted">{t('common.loading')}</p>;
  const chosenEmail = email ?? typesOf('email', settings.data.selected_email_flags);
  const chosenPush = push ?? typesOf('push', settings.data.selected_push_flags);

  const toggle = (channel: Channel, type: NotificationType, on: boolean) => {
    const next = new Set(channel === 'email' ? chosenEmail : chosenPush);
    if (on) next.add(type);
    else next.delete(type);
    save.reset();
    if (channel === 'email') setEmail(next);
    else setPush(next);
  };

  return (
    <div className="flex flex-col gap-6">
      <SaveForm
        fields={['selected_email_flags', 'selected_push_flags']}
        onSave={() => {
          setEmail(chosenEmail);
          setPush(chosenPush);
          save.mutate();
        }}
        busy={save.isPending}
        error={save.error}
        saved={save.isSuccess}
        savedText={t('profilePage.saved')}
      >
        {() => (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-muted uppercase">
                <th className="pb-2 font-medium">{t('profilePage.preferences.event')}</th>
                <th className="w-20 pb-2 text-center font-medium">{t('profilePage.preferences.email')}</th>
                <th className="w-20 pb-2 text-center font-medium">{t('profilePage.preferences.push')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {NOTIFICATION_TYPES.map((type) => {
                const label = t(`profilePage.preferences.events.${type}`);
                return (
                  <tr key={type}>
                    <td className="py-2 pr-2 text-ink">{label}</td>
                    <td className="text-center">
                      <input
                        type="checkbox"
                        className="size-4 accent-brand"
                        aria-label={`${t('profilePage.preferences.email')}: ${label}`}
                        checked={chosenEmail.has(type)}
                        onChange={(event) => toggle('email', type, event.target.checked)}
                      />
                    </td>
                    <td className="text-center">
                      <input
                        type="checkbox"
                        className="size-4 accent-brand"
                        aria-label={`${t('profilePage.preferences.push')}: ${label}`}
                        checked={chosenPush.has(type)}
                        onChange={(event) => toggle('push', type, event.target.checked)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </SaveForm>
      <BrowserPushToggle />
    </div>
  );
}

/** "Ative as notificações push para o seu navegador". */
function BrowserPushToggle() {
  const { t } = useTranslation();
  const [state, setState] = useState<PushState | null>(null);
  useEffect(() => {
    currentPushState().then(setState, () => setState('unsupported'));
  }, []);
  const change = useMutation({ mutationFn: (on: boolean) => (on ? enableBrowserPush() : disableBrowserPush()), onSuccess: setState });
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-line p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="text-sm font-medium text-ink">{t('profilePage.push.title')}</p>
          <p className="text-xs text-muted" data-push-state={state ?? 'unknown'}>
            {state ? t(`profilePage.push.state.${state}`) : t('common.loading')}
          </p>
        </div>
        {(state === 'off' || state === 'on') && (
          <Button variant="secondary" onClick={() => change.mutate(state === 'off')} busy={change.isPending}>
            <BellRing className="size-4" aria-hidden="true" />
            {state === 'off' ? t('profilePage.push.enable') : t('profilePage.push.disable')}
          </Button>
        )}
      </div>
      {change.isError && <FormAlert>{apiErrorMessage(change.error, t)}</FormAlert>}
    </div>
  );
}
