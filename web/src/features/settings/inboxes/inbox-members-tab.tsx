import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageSpinner } from '../../../components/full-page-spinner';
import { TextField } from '../../../components/text-field';
import { describeApiError } from '../../../lib/api-form-errors';
import type { Agent } from '../../../lib/api-types';
import { useAgents } from '../../agents/agents-api';
import { useCurrentAccount } from '../../accounts/current-account';
import { MemberPicker } from '../shared/member-picker';
import { settingsKeys } from '../shared/settings-keys';
import { ToggleField } from '../shared/toggle-field';
import { capacityFrom, MAX_CAPACITY } from './capacity';
import { setInboxMembers, useInboxMembers, type SettingsInbox } from './inboxes-api';
import { SaveBar } from './save-bar';
import { useSaveInbox } from './use-save-inbox';

/** Who works the inbox, and whether new conversations are handed out to them automatically. */
export function InboxMembersTab({ inbox }: { inbox: SettingsInbox }) {
  const { account } = useCurrentAccount();
  const agents = useAgents(account.id);
  const members = useInboxMembers(account.id, inbox.id);
  if (!agents.data || !members.data) return <FullPageSpinner />;
  return <MembersForm inbox={inbox} agents={agents.data} memberIds={members.data.map((m) => m.id)} />;
}

const FIELDS = ['user_ids', 'max_assignment_limit'] as const;

function MembersForm({ inbox, agents, memberIds }: { inbox: SettingsInbox; agents: readonly Agent[]; memberIds: number[] }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Set<number>>(new Set(memberIds));
  const [autoAssign, setAutoAssign] = useState(inbox.enable_auto_assignment);
  const limit = inbox.auto_assignment_config.max_assignment_limit;
  const [capacity, setCapacity] = useState(limit ? String(limit) : '');
  const [capacityError, setCapacityError] = useState<string | null>(null);
  const { mutation, saved } = useSaveInbox(inbox, async () => {
    await setInboxMembers(account.id, inbox.id, [...selected]);
    await queryClient.invalidateQueries({ queryKey: settingsKeys.inboxMembers(account.id, inbox.id) });
  });
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = capacityFrom(capacity);
    if ('error' in checked) {
      setCapacityError(t('inboxes.members.capacityInvalid', { max: MAX_CAPACITY }));
      return;
    }
    setCapacityError(null);
    mutation.mutate({ enable_auto_assignment: autoAssign, auto_assignment_config: { max_assignment_limit: checked.limit } });
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      <p className="text-sm text-muted">{t('inboxes.members.description')}</p>
      <MemberPicker label={t('inboxes.fields.members')} agents={agents} selected={selected} onChange={setSelected} />
      {fieldErrors.user_ids && <p className="text-xs text-danger">{fieldErrors.user_ids}</p>}
      <ToggleField
        label={t('inboxes.members.autoAssignment')}
        hint={t('inboxes.members.autoAssignmentHint')}
        checked={autoAssign}
        onCheckedChange={setAutoAssign}
      />
      {autoAssign && (
        <TextField
          label={t('inboxes.members.capacity')}
          inputMode="numeric"
          className="max-w-xs"
          placeholder={t('inboxes.members.capacityPlaceholder')}
          hint={t('inboxes.members.capacityHint')}
          value={capacity}
          onValueChange={setCapacity}
          error={capacityError ?? fieldErrors.max_assignment_limit}
        />
      )}
      <SaveBar busy={mutation.isPending} saved={saved} error={formError} />
    </form>
  );
}
