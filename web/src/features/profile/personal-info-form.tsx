import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { TextField } from '../../components/text-field';
import { describeApiError } from '../../lib/api-form-errors';
import type { User } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';
import { updateProfile } from './profile-api';

const FIELDS = ['name', 'display_name'] as const;

export function PersonalInfoForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [displayName, setDisplayName] = useState(user.display_name ?? '');

  const mutation = useMutation({
    mutationFn: () => updateProfile({ profile: { name: name.trim(), display_name: displayName.trim() } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.profile }),
  });
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {formError && <FormAlert>{formError}</FormAlert>}
      {mutation.isSuccess && <FormAlert tone="success">{t('profile.personal.saved')}</FormAlert>}
      <TextField
        label={t('profile.personal.fullName')}
        autoComplete="name"
        required
        value={name}
        onValueChange={setName}
        error={fieldErrors.name}
      />
      <TextField
        label={t('profile.personal.displayName')}
        autoComplete="nickname"
        value={displayName}
        onValueChange={setDisplayName}
        error={fieldErrors.display_name}
        hint={t('profile.personal.displayNameHint')}
      />
      <TextField label={t('fields.email')} type="email" value={user.email} onValueChange={() => undefined} readOnly disabled />
      <div>
        <Button type="submit" busy={mutation.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
