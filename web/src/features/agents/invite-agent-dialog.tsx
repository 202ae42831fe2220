import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert';
import { FormDialog, FormDialogActions } from '../../components/form-dialog';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { describeApiError } from '../../lib/api-form-errors';
import type { AccountRole } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';
import { inviteAgent } from './agents-api';
import { roleOptions } from './role-options';

const FIELDS = ['name', 'email', 'role'] as const;

type InviteAgentDialogProps = {
  accountId: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onInvited: (email: string) => void;
};

/** Administrators add an agent by name and email; the server emails them a link to set a password. */
export function InviteAgentDialog({ accountId, open, onOpenChange, onInvited }: InviteAgentDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AccountRole>('agent');

  const mutation = useMutation({
    mutationFn: () => inviteAgent(accountId, { name: name.trim(), email: email.trim(), role }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.agents(accountId) });
      onInvited(email.trim());
      reset();
      onOpenChange(false);
    },
  });
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);

  const reset = () => {
    setName('');
    setEmail('');
    setRole('agent');
    mutation.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) reset();
        onOpenChange(next);
      }}
      title={t('agents.invite.title')}
      description={t('agents.invite.description')}
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {formError && <FormAlert>{formError}</FormAlert>}
        <TextField label={t('agents.fields.name')} required value={name} onValueChange={setName} error={fieldErrors.name} />
        <TextField
          label={t('fields.email')}
          type="email"
          required
          value={email}
          onValueChange={setEmail}
          error={fieldErrors.email}
        />
        <SelectField
          label={t('agents.fields.role')}
          value={role}
          options={roleOptions(t)}
          onValueChange={setRole}
          error={fieldErrors.role}
        />
        <FormDialogActions onCancel={() => onOpenChange(false)} busy={mutation.isPending} submitLabel={t('agents.invite.submit')} />
      </form>
    </FormDialog>
  );
}
