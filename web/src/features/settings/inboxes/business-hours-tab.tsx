import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClasses } from '../../../components/text-field';
import { SelectField } from '../../../components/select-field';
import { describeApiError } from '../../../lib/api-form-errors';
import { TextareaField } from '../shared/textarea-field';
import { ToggleField } from '../shared/toggle-field';
import { daysFromWorkingHours, invalidDays, workingHoursFromDays, type DayHours } from './business-hours';
import type { SettingsInbox } from './inboxes-api';
import { SaveBar } from './save-bar';
import { useSaveInbox } from './use-save-inbox';

const FIELDS = ['timezone', 'out_of_office_message', 'working_hours'] as const;

const timeZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['America/Sao_Paulo', 'UTC'];
  }
};

/** Opening hours per weekday in the inbox's time zone, and the message customers get outside them. */
export function BusinessHoursTab({ inbox }: { inbox: SettingsInbox }) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(inbox.working_hours_enabled);
  const [timezone, setTimezone] = useState(inbox.timezone || 'America/Sao_Paulo');
  const [message, setMessage] = useState(inbox.out_of_office_message ?? '');
  const [days, setDays] = useState<DayHours[]>(() => daysFromWorkingHours(inbox.working_hours));
  const [badDays, setBadDays] = useState<number[]>([]);
  const { mutation, saved } = useSaveInbox(inbox);
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);
  const zones = useMemo(() => {
    const all = timeZones();
    return all.includes(timezone) ? all : [timezone, ...all];
  }, [timezone]);

  const setDay = (day: number, change: Partial<DayHours>) => setDays((current) => current.map((d) => (d.day === day ? { ...d, ...change } : d)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = enabled ? invalidDays(days) : [];
    setBadDays(invalid);
    if (invalid.length > 0) return;
    mutation.mutate({
      working_hours_enabled: enabled,
      timezone,
      out_of_office_message: message.trim() || null,
      working_hours: workingHoursFromDays(days),
    });
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      <ToggleField label={t('inboxes.businessHours.enable')} hint={t('inboxes.businessHours.enableHint')} checked={enabled} onCheckedChange={setEnabled} />
      {enabled && (
        <>
          <SelectField
            label={t('inboxes.businessHours.timezone')}
            value={timezone}
            options={zones.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
            onValueChange={setTimezone}
            error={fieldErrors.timezone}
          />
          <TextareaField
            label={t('inboxes.businessHours.outOfOffice')}
            hint={t('inboxes.businessHours.outOfOfficeHint')}
            value={message}
            onValueChange={setMessage}
            error={fieldErrors.out_of_office_message}
          />
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-2 text-sm font-medium text-ink">{t('inboxes.businessHours.week')}</legend>
            <ul className="divide-y divide-line rounded-lg border border-line">
              {days.map((d) => {
                const dayName = t(`inboxes.businessHours.days.${d.day}`);
                const bad = badDays.includes(d.day);
                return (
                  <li key={d.day} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2.5">
                    <label className="flex w-32 items-center gap-2 text-sm font-medium text-ink">
                      <input type="checkbox" className="size-4 accent-brand" checked={d.open} onChange={(e) => setDay(d.day, { open: e.target.checked })} />
                      {dayName}
                    </label>
                    {d.open ? (
                      <>
                        <label className="flex items-center gap-2 text-sm text-muted">
                          <input type="checkbox" className="size-4 accent-brand" checked={d.allDay} onChange={(e) => setDay(d.day, { allDay: e.target.checked })} />
                          {t('inboxes.businessHours.allDay')}
                        </label>
                        {!d.allDay && (
                          <span className="flex items-center gap-2 text-sm text-muted">
                            <input
                              type="time"
                              aria-label={t('inboxes.businessHours.opensAt', { day: dayName })}
                              value={d.from}
                              onChange={(e) => setDay(d.day, { from: e.target.value })}
                              className={`${inputClasses} w-28 ${bad ? 'border-danger' : 'border-line'}`}
                            />
                            {t('inboxes.businessHours.until')}
                            <input
                              type="time"
                              aria-label={t('inboxes.businessHours.closesAt', { day: dayName })}
                              value={d.to}
                              onChange={(e) => setDay(d.day, { to: e.target.value })}
                              className={`${inputClasses} w-28 ${bad ? 'border-danger' : 'border-line'}`}
                            />
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="text-sm text-muted">{t('inboxes.businessHours.closed')}</span>
                    )}
                    {bad && <span className="basis-full text-xs text-danger">{t('inboxes.businessHours.invalid')}</span>}
                  </li>
                );
              })}
            </ul>
            {fieldErrors.working_hours && <p className="text-xs text-danger">{fieldErrors.working_hours}</p>}
          </fieldset>
        </>
      )}
      <SaveBar busy={mutation.isPending} saved={saved} error={formError} />
    </form>
  );
}
