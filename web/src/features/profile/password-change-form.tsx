import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { PasswordField } from '../../components/password-field';
import { describeApiError } from '../../lib/api-form-errors';
import { updateProfile } from './profile-api';

const FIELDS = ['current_password', 'password', 'password_confirmation'] as const;

export function PasswordChangeForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const mutation = useMutation({
    mutationFn: () =>
      updateProfile({ profile: { current_password: currentPassword, password, password_confirmation: confirmation } }),
    onSuccess: () => {
      setCurrentPassword('');
      setPassword('');
      setConfirmation('');
    },
  });
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirmation);
    if (password === confirmation) mutation.mutate();
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {formError && <FormAlert>{formError}</FormAlert>}
      {mutation.isSuccess && <FormAlert tone="success">{t('profilePage.password.changed')}</FormAlert>}
      <PasswordField
        label={t('profilePage.password.current')}
        autoComplete="current-password"
        required
        value={currentPassword}
        onValueChange={setCurrentPassword}
        error={fieldErrors.current_password}
      />
      <PasswordField
        label={t('profilePage.password.new')}
        autoComplete="new-password"
        required
        value={password}
        onValueChange={setPassword}
        error={fieldErrors.password}
      />
      <PasswordField
        label={t('profilePage.password.confirm')}
        autoComplete="new-password"
        required
        value={confirmation}
        onValueChange={setConfirmation}
        error={mismatch ? t('errors.passwordMismatch') : fieldErrors.password_confirmation}
      />
      <div>
        <Button type="submit" busy={mutation.isPending}>
          {t('profilePage.password.submit')}
        </Button>
      </div>
    </form>
  );
}
