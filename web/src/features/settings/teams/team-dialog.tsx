import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert';
import { FormDialog, FormDialogActions } from '../../../components/form-dialog';
import { FullPageSpinner } from '../../../components/full-page-spinner';
import { TextField } from '../../../components/text-field';
import { describeApiError } from '../../../lib/api-form-errors';
import type { Agent } from '../../../lib/api-types';
import { useAgents } from '../../agents/agents-api';
import { MemberPicker } from '../shared/member-picker';
import { TextareaField } from '../shared/textarea-field';
import { ToggleField } from '../shared/toggle-field';
import { createTeam, setTeamMembers, updateTeam, useTeamMembers, type Team } from './teams-api';

const FIELDS = ['name', 'description', 'allow_auto_assign', 'user_ids'] as const;

type TeamDialogProps = { accountId: number; team: Team | null; onSaved: () => Promise<unknown>; onClose: () => void };

/** Creates a team or edits one, with its agents. Mounted only while open. */
export function TeamDialog({ accountId, team, onSaved, onClose }: TeamDialogProps) {
  const { t } = useTranslation();
  const agents = useAgents(accountId);
  const members = useTeamMembers(accountId, team?.id ?? null);
  const ready = agents.data && (team === null || members.data);
  return (
    <FormDialog
      onClose={onClose}
      title={team ? t('teams.edit.title') : t('teams.create.title')}
      description={t('teams.create.description')}
    >
      {ready ? (
        <TeamForm
          accountId={accountId}
          team={team}
          agents={agents.data}
          memberIds={(members.data ?? []).map((m) => m.id)}
          onSaved={onSaved}
          onClose={onClose}
        />
      ) : (
        <FullPageSpinner />
      )}
    </FormDialog>
  );
}

type TeamFormProps = TeamDialogProps & { agents: readonly Agent[]; memberIds: number[] };

function TeamForm({ accountId, team, agents, memberIds, onSaved, onClose }: TeamFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [allowAutoAssign, setAllowAutoAssign] = useState(team?.allow_auto_assign ?? true);
  const [selected, setSelected] = useState<Set<number>>(new Set(memberIds));

  // A team created before its members failed to save is updated on the next try, not created twice.
  const createdId = useRef<number | null>(null);
  const mutation = useMutation({
    mutationFn: async () => {
      const body = { name: name.trim(), description: description.trim() || null, allow_auto_assign: allowAutoAssign };
      const existing = team?.id ?? createdId.current;
      const saved = existing !== null ? await updateTeam(accountId, existing, body) : await createTeam(accountId, body);
      createdId.current = saved.id;
      await setTeamMembers(accountId, saved.id, [...selected]);
    },
    onSettled: onSaved,
    onSuccess: onClose,
  });
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {formError && <FormAlert>{formError}</FormAlert>}
      <TextField label={t('teams.fields.name')} required value={name} onValueChange={setName} error={fieldErrors.name} />
      <TextareaField label={t('teams.fields.description')} value={description} onValueChange={setDescription} error={fieldErrors.description} />
      <ToggleField
        label={t('teams.fields.allowAutoAssign')}
        hint={t('teams.fields.allowAutoAssignHint')}
        checked={allowAutoAssign}
        onCheckedChange={setAllowAutoAssign}
      />
      <MemberPicker label={t('teams.fields.members')} agents={agents} selected={selected} onChange={setSelected} />
      {fieldErrors.user_ids && <p className="text-xs text-danger">{fieldErrors.user_ids}</p>}
      <FormDialogActions onCancel={onClose} busy={mutation.isPending} submitLabel={team ? t('common.save') : t('teams.create.submit')} />
    </form>
  );
}
