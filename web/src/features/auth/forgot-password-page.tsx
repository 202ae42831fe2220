import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { TextField } from '../../components/text-field';
import { describeApiError } from '../../lib/api-form-errors';
import { requestPasswordReset } from './auth-api';
import { AuthLayout } from './auth-layout';

const FIELDS = ['email'] as const;

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: requestPasswordReset });
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(email.trim());
  };

  const backToLogin = (
    <Link to="/login" className="font-medium text-brand hover:underline">
      {t('forgotPassword.backToLogin')}
    </Link>
  );

  if (mutation.isSuccess) {
    return (
      <AuthLayout title={t('forgotPassword.title')} footer={backToLogin}>
        {/* The same words whether or not the address has an account, so the page reveals nothing. */}
        <FormAlert tone="success">{t('forgotPassword.sent', { email: email.trim() })}</FormAlert>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('forgotPassword.title')} subtitle={t('forgotPassword.subtitle')} footer={backToLogin}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {formError && <FormAlert>{formError}</FormAlert>}
        <TextField
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onValueChange={setEmail}
          error={fieldErrors.email}
        />
        <Button type="submit" busy={mutation.isPending} className="w-full">
          {t('forgotPassword.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
