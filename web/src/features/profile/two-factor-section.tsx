import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { PasswordField } from '../../components/password-field';
import { TextField } from '../../components/text-field';
import { apiErrorMessage, describeApiError } from '../../lib/api-form-errors';
import { confirmTwoFactor, disableTwoFactor, fetchTwoFactor, startTwoFactor, type TwoFactorSetup } from './profile-api';

const KEY = ['profile', 'mfa'] as const;

/** "Autenticação de dois fatores": password → QR code → a code from the app → backup codes, shown once. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useQuery({ queryKey: KEY, queryFn: fetchTwoFactor });
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [backupCodes, setBackupCodes] = useState<string[] | null>(null);

  const start = useMutation({ mutationFn: () => startTwoFactor(password), onSuccess: (answer) => setSetup(answer) });
  const confirm = useMutation({
    mutationFn: () => confirmTwoFactor(code.trim()),
    onSuccess: (answer) => {
      setBackupCodes(answer.backup_codes);
      setSetup(null);
      setPassword('');
      setCode('');
      void client.invalidateQueries({ queryKey: KEY });
    },
  });
  const disable = useMutation({
    mutationFn: () => disableTwoFactor(password, code.trim()),
    onSuccess: (answer) => {
      client.setQueryData(KEY, answer);
      setPassword('');
      setCode('');
      setBackupCodes(null);
    },
  });

  if (!status.data) return status.isError ? <FormAlert>{apiErrorMessage(status.error, t)}</FormAlert> : null;
  const submit = (run: () => void) => (event: FormEvent) => {
    event.preventDefault();
    run();
  };

  if (backupCodes) {
    return (
      <div className="flex flex-col gap-3">
        <FormAlert tone="success">{t('profilePage.twoFactor.enabled')}</FormAlert>
        <p className="text-sm text-ink">{t('profilePage.twoFactor.backupCodesIntro')}</p>
        <ul className="grid grid-cols-2 gap-1 rounded-lg bg-subtle p-3 font-mono text-sm text-ink" aria-label={t('profilePage.twoFactor.backupCodes')}>
          {backupCodes.map((backup) => (
            <li key={backup}>{backup}</li>
          ))}
        </ul>
        <div>
          <Button variant="secondary" onClick={() => setBackupCodes(null)}>
            {t('profilePage.twoFactor.done')}
          </Button>
        </div>
      </div>
    );
  }

  if (status.data.enabled) {
    const errors = describeApiError(disable.error, ['current_password', 'otp_code'], t);
    return (
      <form onSubmit={submit(() => disable.mutate())} className="flex flex-col gap-4" noValidate>
        <p className="flex items-center gap-2 text-sm text-ink">
          <ShieldCheck className="size-4 text-success" aria-hidden="true" />
          {t('profilePage.twoFactor.on', { count: status.data.backup_codes_remaining })}
        </p>
        {errors.formError && <FormAlert>{errors.formError}</FormAlert>}
        <PasswordField label={t('profilePage.twoFactor.password')} autoComplete="current-password" value={password} onValueChange={setPassword} error={errors.fieldErrors.current_password} />
        <TextField label={t('profilePage.twoFactor.code')} inputMode="numeric" autoComplete="one-time-code" value={code} onValueChange={setCode} error={errors.fieldErrors.otp_code} />
        <div>
          <Button type="submit" variant="danger" busy={disable.isPending}>
            {t('profilePage.twoFactor.disable')}
          </Button>
        </div>
      </form>
    );
  }

  if (setup) {
    const errors = describeApiError(confirm.error, ['otp_code'], t);
    return (
      <form onSubmit={submit(() => confirm.mutate())} className="flex flex-col gap-4" noValidate>
        <p className="text-sm text-ink">{t('profilePage.twoFactor.scan')}</p>
        <img src={setup.qr_code_url} alt={t('profilePage.twoFactor.qrAlt')} className="size-48 rounded-lg border border-line bg-white p-2" />
        <p className="text-xs text-muted">
          {t('profilePage.twoFactor.manual')} <code className="rounded bg-subtle px-1 font-mono text-ink" data-testid="totp-secret">{setup.secret}</code>
        </p>
        {errors.formError && <FormAlert>{errors.formError}</FormAlert>}
        <TextField label={t('profilePage.twoFactor.code')} inputMode="numeric" autoComplete="one-time-code" value={code} onValueChange={setCode} error={errors.fieldErrors.otp_code} />
        <div className="flex gap-2">
          <Button type="submit" busy={confirm.isPending}>
            {t('profilePage.twoFactor.confirm')}
          </Button>
          <Button variant="ghost" onClick={() => setSetup(null)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    );
  }

  const errors = describeApiError(start.error, ['current_password'], t);
  return (
    <form onSubmit={submit(() => start.mutate())} className="flex flex-col gap-4" noValidate>
      <p className="text-sm text-muted">{t('profilePage.twoFactor.off')}</p>
      {errors.formError && <FormAlert>{errors.formError}</FormAlert>}
      <PasswordField label={t('profilePage.twoFactor.password')} autoComplete="current-password" value={password} onValueChange={setPassword} error={errors.fieldErrors.current_password} />
      <div>
        <Button type="submit" busy={start.isPending}>
          {t('profilePage.twoFactor.enable')}
        </Button>
      </div>
    </form>
  );
}
