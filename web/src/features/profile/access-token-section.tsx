import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Check, Copy, RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormAlert } from '../../components/form-alert';
import { TextField } from '../../components/text-field';
import { apiErrorMessage } from '../../lib/api-form-errors';
import type { User } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';
import { resetAccessToken } from './profile-api';

/** "Token de Acesso": the personal API token, with copy and "Gerar Novo Token" (the old one stops working at once). */
export function AccessTokenSection({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const regenerate = useMutation({
    mutationFn: resetAccessToken,
    onSuccess: (updated) => {
      queryClient.setQueryData<User>(queryKeys.profile, (current) => ({ ...(current ?? updated), ...updated }));
      setConfirming(false);
    },
  });

  const copy = async () => {
    await navigator.clipboard.writeText(user.access_token);
    setCopied(true);
  };

  return (
    <div className="flex flex-col gap-4">
      {regenerate.isSuccess && <FormAlert tone="success">{t('profile.token.regenerated')}</FormAlert>}
      <TextField
        label={t('profile.token.label')}
        value={user.access_token}
        onValueChange={() => undefined}
        readOnly
        spellCheck={false}
        inputClassName="font-mono"
        onFocus={(event) => event.target.select()}
      />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void copy()}>
          {copied ? <Check className="size-4" aria-hidden="true" /> : <Copy className="size-4" aria-hidden="true" />}
          {copied ? t('profile.token.copied') : t('profile.token.copy')}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          <RefreshCw className="size-4" aria-hidden="true" />
          {t('profile.token.regenerate')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) regenerate.reset();
        }}
        title={t('profilePage.token.confirmTitle')}
        description={t('profilePage.token.confirmDescription')}
        confirmLabel={t('profile.token.regenerate')}
        onConfirm={() => regenerate.mutate()}
        busy={regenerate.isPending}
        error={regenerate.isError ? apiErrorMessage(regenerate.error, t) : null}
      />
    </div>
  );
}
