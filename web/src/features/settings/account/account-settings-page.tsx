import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { FullPageSpinner } from '../../../components/full-page-spinner';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { apiErrorMessage, describeApiError } from '../../../lib/api-form-errors';
import { queryKeys } from '../../../lib/query-keys';
import { useCurrentAccount } from '../../accounts/current-account';
import { SettingsCard } from '../../profile/settings-card';
import { useSettingsLabels } from '../labels/labels-api';
import { SettingsSubpageHeader } from '../settings-subpage-header';
import { settingsKeys } from '../shared/settings-keys';
import { TextareaField } from '../shared/textarea-field';
import { ToggleField } from '../shared/toggle-field';
import { updateAccount, useAccountDetails, type AccountDetails } from './account-api';
import { durationFromMinutes, minutesFromDuration, type DurationUnit } from './auto-resolve-duration';

const FIELDS = ['name', 'locale', 'auto_resolve_after', 'auto_resolve_message', 'auto_resolve_label'] as const;
const LOCALES = ['pt_BR', 'en'] as const;
const UNITS: readonly DurationUnit[] = ['days', 'hours', 'minutes'];

/** "Conta": the account's name and language, and resolving conversations left inactive. */
export function AccountSettingsPage() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const details = useAccountDetails(account.id);
  return (
    <>
      <SettingsSubpageHeader title={t('settings.sections.account.title')} description={t('accountSettings.description')} />
      <div className="px-4 md:px-8">
        {details.isPending && <FullPageSpinner />}
        {details.isError && (
          <div className="py-6">
            <FormAlert>{apiErrorMessage(details.error, t)}</FormAlert>
          </div>
        )}
        {details.data && <AccountForm key={details.data.id} details={details.data} />}
      </div>
    </>
  );
}

function AccountForm({ details }: { details: AccountDetails }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const labels = useSettingsLabels(details.id);
  const stored = details.settings.auto_resolve_after;
  const initial = durationFromMinutes(stored ?? 7 * 1440);
  const [name, setName] = useState(details.name);
  const [locale, setLocale] = useState(LOCALES.find((l) => l === details.locale) ?? 'pt_BR');
  const [autoResolve, setAutoResolve] = useState(stored !== null);
  const [amount, setAmount] = useState(String(initial.amount));
  const [unit, setUnit] = useState<DurationUnit>(initial.unit);
  const [message, setMessage] = useState(details.settings.auto_resolve_message ?? '');
  const [label, setLabel] = useState(details.settings.auto_resolve_label ?? '');
  const [ignoreWaiting, setIgnoreWaiting] = useState(details.settings.auto_resolve_ignore_waiting === true);
  const [durationError, setDurationError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const mutation = useMutation({
    mutationFn: (minutes: number | null) =>
      updateAccount(details.id, {
        name: name.trim(),
        locale,
        auto_resolve_after: minutes,
        auto_resolve_message: autoResolve ? message : null,
        auto_resolve_label: autoResolve ? label || null : null,
        auto_resolve_ignore_waiting: autoResolve && ignoreWaiting,
      }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(settingsKeys.account(details.id), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.profile });
      setSaved(true);
    },
  });
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    let minutes: number | null = null;
    if (autoResolve) {
      const checked = minutesFromDuration(amount, unit);
      if ('error' in checked) {
        setDurationError(t(`accountSettings.autoResolve.errors.${checked.error}`));
        return;
      }
      minutes = checked.minutes;
    }
    setDurationError(null);
    mutation.mutate(minutes);
  };

  const labelOptions = [
    { value: '', label: t('accountSettings.autoResolve.noLabel') },
    ...(labels.data ?? []).map((l) => ({ value: l.title, label: l.title })),
  ];
  if (label && !labelOptions.some((o) => o.value === label)) labelOptions.push({ value: label, label });

  return (
    <form onSubmit={submit} noValidate>
      <SettingsCard title={t('accountSettings.general.title')} description={t('accountSettings.general.description')}>
        <div className="flex flex-col gap-4">
          <TextField label={t('accountSettings.fields.name')} required value={name} onValueChange={setName} error={fieldErrors.name} />
          <SelectField
            label={t('accountSettings.fields.locale')}
            value={locale}
            options={LOCALES.map((value) => ({ value, label: t(`accountSettings.locales.${value}`) }))}
            onValueChange={setLocale}
            error={fieldErrors.locale}
          />
        </div>
      </SettingsCard>
      <SettingsCard title={t('accountSettings.autoResolve.title')} description={t('accountSettings.autoResolve.description')}>
        <div className="flex flex-col gap-4">
          <ToggleField label={t('accountSettings.autoResolve.enable')} checked={autoResolve} onCheckedChange={setAutoResolve} />
          {autoResolve && (
            <>
              <div className="grid grid-cols-[1fr_10rem] items-start gap-3">
                <TextField
                  label={t('accountSettings.autoResolve.after')}
                  inputMode="numeric"
                  value={amount}
                  onValueChange={setAmount}
                  error={durationError ?? fieldErrors.auto_resolve_after}
                />
                <SelectField
                  label={t('accountSettings.autoResolve.unit')}
                  value={unit}
                  options={UNITS.map((value) => ({ value, label: t(`accountSettings.autoResolve.units.${value}`) }))}
                  onValueChange={setUnit}
                />
              </div>
              <TextareaField
                label={t('accountSettings.autoResolve.message')}
                hint={t('accountSettings.autoResolve.messageHint')}
                value={message}
                onValueChange={setMessage}
                error={fieldErrors.auto_resolve_message}
              />
              <SelectField
                label={t('accountSettings.autoResolve.label')}
                value={label}
                options={labelOptions}
                onValueChange={setLabel}
                error={fieldErrors.auto_resolve_label}
              />
              <ToggleField
                label={t('accountSettings.autoResolve.ignoreWaiting')}
                hint={t('accountSettings.autoResolve.ignoreWaitingHint')}
                checked={ignoreWaiting}
                onCheckedChange={setIgnoreWaiting}
              />
            </>
          )}
        </div>
      </SettingsCard>
      <div className="flex flex-col gap-3 border-t border-line py-6 lg:pl-[18.5rem]">
        {formError && <FormAlert>{formError}</FormAlert>}
        {saved && !mutation.isPending && <FormAlert tone="success">{t('accountSettings.saved')}</FormAlert>}
        <div>
          <Button type="submit" busy={mutation.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </div>
    </form>
  );
}
