import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { PasswordField } from '../../components/password-field';
import { TextField } from '../../components/text-field';
import { ApiError } from '../../lib/api-client';
import { describeApiError } from '../../lib/api-form-errors';
import type { Installation } from '../../lib/api-types';
import { serverLocale } from '../../lib/i18n';
import { queryKeys } from '../../lib/query-keys';
import { AuthLayout } from '../auth/auth-layout';
import { useCompleteSignIn } from '../auth/use-complete-sign-in';
import { useInstallation } from '../installation/installation-api';
import { createAccount } from './onboarding-api';

const FIELDS = ['account_name', 'user_full_name', 'email', 'password'] as const;

/** "Preencher com dados de demonstração": the new account starts with a living pt-BR inbox. */
function DemoDataOption({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const { t } = useTranslation();
  return (
    <label className="flex items-start gap-2.5 rounded-lg border border-line bg-canvas px-3 py-2.5 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 size-4 shrink-0 accent-brand" />
      <span className="flex flex-col gap-0.5">
        <span className="font-medium text-ink">{t('onboardingDemo.label')}</span>
        <span className="text-xs text-muted">{t('onboardingDemo.hint')}</span>
      </span>
    </label>
  );
}

export function OnboardingPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const completeSignIn = useCompleteSignIn();
  const installation = useInstallation();
  const [accountName, setAccountName] = useState('');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [demoData, setDemoData] = useState(false);

  const mutation = useMutation({
    mutationFn: createAccount,
    onSuccess: ({ data }) => {
      queryClient.setQueryData<Installation>(queryKeys.installation, (current) =>
        current ? { ...current, needs_onboarding: false } : current,
      );
      completeSignIn(data);
    },
    // Someone else finished onboarding first: refresh, and this page hands over to sign in.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 403) void queryClient.invalidateQueries({ queryKey: queryKeys.installation });
    },
  });
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);

  // Onboarding happens once per installation; afterwards this page only leads to sign in.
  // (Not after our own success: that navigates to the new account's dashboard instead.)
  if (installation.data && !installation.data.needs_onboarding && !mutation.isSuccess) {
    return <Navigate to="/login" replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({
      account_name: accountName.trim(),
      user_full_name: fullName.trim(),
      email: email.trim(),
      password,
      locale: serverLocale(),
      ...(demoData ? { with_demo_data: true } : {}),
    });
  };

  return (
    <AuthLayout title={t('onboarding.title')} subtitle={t('onboarding.subtitle')}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {formError && <FormAlert>{formError}</FormAlert>}
        <TextField
          label={t('onboarding.accountName')}
          autoComplete="organization"
          required
          value={accountName}
          onValueChange={setAccountName}
          error={fieldErrors.account_name}
        />
        <TextField
          label={t('onboarding.fullName')}
          autoComplete="name"
          required
          value={fullName}
          onValueChange={setFullName}
          error={fieldErrors.user_full_name}
        />
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
          autoComplete="new-password"
          required
          value={password}
          onValueChange={setPassword}
          error={fieldErrors.password}
        />
        <DemoDataOption checked={demoData} onChange={setDemoData} />
        <Button type="submit" busy={mutation.isPending} className="w-full">
          {t('onboarding.submit')}
        </Button>
        {mutation.isPending && demoData && (
          <p role="status" className="text-center text-sm text-muted">
            {t('onboardingDemo.preparing')}
          </p>
        )}
      </form>
    </AuthLayout>
  );
}
