import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { buttonClasses } from '../../components/button';
import { api } from '../../lib/api-client';
import { apiErrorMessage } from '../../lib/api-form-errors';
import type { UserEnvelope } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';
import { AuthLayout } from './auth-layout';

/** The link of an email change: confirms the new address, which then replaces the old one. */
export function EmailConfirmationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const token = params.get('confirmation_token') ?? '';
  const confirm = useMutation({
    mutationFn: () => api.post<UserEnvelope>('/auth/confirmation', { confirmation_token: token }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.profile }),
  });
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    confirm.mutate();
  }, [confirm]);

  return (
    <AuthLayout title={t('emailConfirmation.title')}>
      <div className="flex flex-col gap-4">
        {confirm.isPending && <p className="text-sm text-muted">{t('common.loading')}</p>}
        {confirm.isSuccess && <FormAlert tone="success">{t('emailConfirmation.done', { email: confirm.data.data.email })}</FormAlert>}
        {confirm.isError && <FormAlert>{apiErrorMessage(confirm.error, t)}</FormAlert>}
        {!confirm.isPending && (
          <Link to="/" className={buttonClasses('primary', 'w-full')}>
            {t('emailConfirmation.continue')}
          </Link>
        )}
      </div>
    </AuthLayout>
  );
}
