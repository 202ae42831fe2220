import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { TextField } from '../../components/text-field';
import { isUnauthorized } from '../../lib/api-client';
import { describeApiError } from '../../lib/api-form-errors';
import type { User } from '../../lib/api-types';
import { signInWithCode } from './auth-api';

type Props = { mfaToken: string; onDone: (user: User) => void; onRestart: () => void };

/** The second sign-in step with two-factor on: a code from the authenticator app, or a backup code. */
export function TwoFactorStep({ mfaToken, onDone, onRestart }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [useBackup, setUseBackup] = useState(false);
  const mutation = useMutation({
    mutationFn: () => signInWithCode(useBackup ? { mfa_token: mfaToken, backup_code: code.trim() } : { mfa_token: mfaToken, otp_code: code.trim() }),
    onSuccess: ({ data }) => onDone(data),
  });
  const { formError, fieldErrors } = isUnauthorized(mutation.error)
    ? { formError: t('twoFactorSignIn.invalid'), fieldErrors: {} as Record<string, string | undefined> }
    : describeApiError(mutation.error, ['otp_code', 'backup_code'], t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {formError && <FormAlert>{formError}</FormAlert>}
      <TextField
        label={useBackup ? t('twoFactorSignIn.backupCode') : t('twoFactorSignIn.code')}
        inputMode={useBackup ? 'text' : 'numeric'}
        autoComplete="one-time-code"
        autoFocus
        required
        value={code}
        onValueChange={setCode}
        error={fieldErrors.otp_code ?? fieldErrors.backup_code}
      />
      <Button type="submit" busy={mutation.isPending} className="w-full">
        {t('twoFactorSignIn.submit')}
      </Button>
      <div className="flex justify-between text-sm">
        <button type="button" className="font-medium text-brand hover:underline" onClick={() => setUseBackup((b) => !b)}>
          {useBackup ? t('twoFactorSignIn.useApp') : t('twoFactorSignIn.useBackup')}
        </button>
        <button type="button" className="text-muted hover:underline" onClick={onRestart}>
          {t('twoFactorSignIn.restart')}
        </button>
      </div>
    </form>
  );
}
