import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentAccount } from '../../accounts/current-account';
import { settingsKeys } from '../shared/settings-keys';
import { updateInbox, type InboxInput, type SettingsInbox } from './inboxes-api';

/** Saves part of an inbox's settings and refreshes every view of it; `saved` says the last save went through. */
export function useSaveInbox(inbox: SettingsInbox, extra?: () => Promise<unknown>) {
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: async (body: InboxInput) => {
      setSaved(false);
      const updated = await updateInbox(account.id, inbox.id, body);
      await extra?.();
      return updated;
    },
    onSuccess: async (updated) => {
      queryClient.setQueryData(settingsKeys.inbox(account.id, inbox.id), updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: settingsKeys.inboxes(account.id), exact: true }),
        queryClient.invalidateQueries({ queryKey: ['accounts', account.id, 'inboxes'] }),
      ]);
      setSaved(true);
    },
  });
  return { mutation, saved };
}
