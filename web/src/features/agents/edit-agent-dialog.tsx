import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { FormDialog, FormDialogActions } from '../../components/form-dialog';
import { SelectField } from '../../components/select-field';
import { describeApiError } from '../../lib/api-form-errors';
import type { AccountRole, Agent } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';
import { changeAgentRole } from './agents-api';
import { roleOptions } from './role-options';

const FIELDS = ['role'] as const;

type EditAgentDialogProps = { accountId: number; agent: Agent; onClose: () => void };

/** Changes an agent's role in this account. Mounted only while open, so it starts from the agent's current role. */
export function EditAgentDialog({ accountId, agent, onClose }: EditAgentDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<AccountRole>(agent.role);

  const mutation = useMutation({
    mutationFn: () => changeAgentRole(accountId, agent.id, role),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.agents(accountId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.profile });
      onClose();
    },
  });
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <FormDialog
      onClose={onClose}
      title={t('agents.edit.title')}
      description={t('agents.edit.description', { name: agent.available_name || agent.name, email: agent.email })}
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {formError && <FormAlert>{formError}</FormAlert>}
        <SelectField
          label={t('agents.fields.role')}
          value={role}
          options={roleOptions(t)}
          onValueChange={setRole}
          error={fieldErrors.role}
        />
        <FormDialogActions onCancel={onClose} busy={mutation.isPending} submitLabel={t('common.save')} />
      </form>
    </FormDialog>
  );
}
