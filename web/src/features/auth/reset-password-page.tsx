import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { PasswordField } from '../../components/password-field';
import { describeApiError } from '../../lib/api-form-errors';
import type { PasswordTokenInfo } from '../../lib/api-types';
import { fetchPasswordToken, resetPassword } from './auth-api';
import { AuthLayout } from './auth-layout';
import { useCompleteSignIn } from './use-complete-sign-in';

const FIELDS = ['password', 'password_confirmation'] as const;

export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('reset_password_token') ?? '';

  const tokenInfo = useQuery({
    queryKey: ['password-token', token],
    queryFn: () => fetchPasswordToken(token),
    enabled: token !== '',
    staleTime: Infinity,
  });

  if (token !== '' && tokenInfo.isPending) return <FullPageSpinner />;
  if (token === '' || tokenInfo.isError) return <InvalidTokenNotice />;
  return <NewPasswordForm token={token} info={tokenInfo.data} />;
}

function InvalidTokenNotice() {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('resetPassword.invalidTitle')}>
      <div className="flex flex-col gap-5">
        <FormAlert>{t('resetPassword.invalidDescription')}</FormAlert>
        <Link
          to="/auth/reset/password"
          className="inline-flex justify-center rounded-lg bg-brand px-4 py-2 text-sm font-medium text-on-brand hover:bg-brand-strong"
        >
          {t('resetPassword.requestNewLink')}
        </Link>
      </div>
    </AuthLayout>
  );
}

function NewPasswordForm({ token, info }: { token: string; info: PasswordTokenInfo | undefined }) {
  const { t } = useTranslation();
  const completeSignIn = useCompleteSignIn();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const mutation = useMutation({
    mutationFn: resetPassword,
    onSuccess: ({ data }) => completeSignIn(data),
  });
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirmation) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    mutation.mutate({ reset_password_token: token, password, password_confirmation: confirmation });
  };

  const invitation = info?.purpose === 'invitation';
  const title = invitation ? t('resetPassword.invitationTitle') : t('resetPassword.title');
  const subtitle = info
    ? t(invitation ? 'resetPassword.invitationSubtitle' : 'resetPassword.subtitle', { name: info.name, email: info.email })
    : undefined;

  return (
    <AuthLayout title={title} subtitle={subtitle}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {formError && <FormAlert>{formError}</FormAlert>}
        <PasswordField
          label={t('fields.newPassword')}
          autoComplete="new-password"
          required
          value={password}
          onValueChange={setPassword}
          error={fieldErrors.password}
        />
        <PasswordField
          label={t('fields.passwordConfirmation')}
          autoComplete="new-password"
          required
          value={confirmation}
          onValueChange={setConfirmation}
          error={mismatch ? t('errors.passwordMismatch') : fieldErrors.password_confirmation}
        />
        <Button type="submit" busy={mutation.isPending} className="w-full">
          {invitation ? t('resetPassword.invitationSubmit') : t('resetPassword.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
