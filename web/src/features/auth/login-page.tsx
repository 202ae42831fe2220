import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { PasswordField } from '../../components/password-field';
import { TextField } from '../../components/text-field';
import { isUnauthorized } from '../../lib/api-client';
import { describeApiError, type FormErrors } from '../../lib/api-form-errors';
import type { SignInRequest } from '../../lib/api-types';
import { signIn } from './auth-api';
import { AuthLayout } from './auth-layout';
import { TwoFactorStep } from './two-factor-step';
import { useCompleteSignIn } from './use-complete-sign-in';

const FIELDS = ['email', 'password'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const completeSignIn = useCompleteSignIn();
  const redirect = searchParams.get('redirect');
  const ssoEmail = searchParams.get('email');
  const ssoToken = searchParams.get('sso_auth_token');

  const [email, setEmail] = useState(ssoEmail ?? '');
  const [password, setPassword] = useState('');

  const [mfaToken, setMfaToken] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (body: SignInRequest) => signIn(body),
    onSuccess: (answer) => {
      // Two-factor: the password was right; the code step follows.
      if ('mfa_required' in answer) setMfaToken(answer.mfa_token);
      else completeSignIn(answer.data, redirect);
    },
  });
  const { mutate } = mutation;

  // A platform SSO link signs in by itself, once (effects run twice in development).
  const ssoAttempted = useRef(false);
  useEffect(() => {
    if (ssoEmail && ssoToken && !ssoAttempted.current) {
      ssoAttempted.current = true;
      mutate({ email: ssoEmail, sso_auth_token: ssoToken });
    }
  }, [ssoEmail, ssoToken, mutate]);

  const ssoInProgress = Boolean(ssoEmail && ssoToken) && (mutation.isIdle || mutation.isPending || mutation.isSuccess);
  if (ssoInProgress) return <FullPageSpinner />;

  // A rejected sign-in always reads the same in the user's language, whatever the server's wording.
  const { fieldErrors, formError }: FormErrors<(typeof FIELDS)[number]> = isUnauthorized(mutation.error)
    ? { fieldErrors: {}, formError: t('login.invalidCredentials') }
    : describeApiError(mutation.error, FIELDS, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email: email.trim(), password });
  };

  if (mfaToken) {
    return (
      <AuthLayout title={t('login.title')} subtitle={t('twoFactorSignIn.subtitle')}>
        <TwoFactorStep mfaToken={mfaToken} onDone={(user) => completeSignIn(user, redirect)} onRestart={() => setMfaToken(null)} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
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
        <PasswordField
          label={t('fields.password')}
          autoComplete="current-password"
          required
          value={password}
          onValueChange={setPassword}
          error={fieldErrors.password}
        />
        <div className="-mt-1 text-right">
          <Link to="/auth/reset/password" className="text-sm font-medium text-brand hover:underline">
            {t('login.forgotPassword')}
          </Link>
        </div>
        <Button type="submit" busy={mutation.isPending} className="w-full">
          {t('login.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
