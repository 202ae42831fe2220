import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormDialog } from '../../components/form-dialog';
import { TextField } from '../../components/text-field';

type Props = { open: boolean; onOpenChange(open: boolean): void; onSnooze(until: number): Promise<unknown> };

/** "Suspender até" a date and time the agent picks. */
export function CustomSnoozeDialog({ open, onOpenChange, onSnooze }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const until = Math.floor(new Date(value).getTime() / 1000);
    if (!Number.isFinite(until) || until * 1000 <= Date.now()) {
      setError(t('workspace.snooze.mustBeFuture'));
      return;
    }
    try {
      await onSnooze(until);
      onOpenChange(false);
    } catch {
      setError(t('workspace.snooze.error'));
    }
  };

  return (
    <FormDialog open={open} onOpenChange={onOpenChange} title={t('workspace.snooze.customTitle')}>
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <TextField label={t('workspace.snooze.dateTime')} type="datetime-local" required value={value} onValueChange={setValue} error={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('workspace.snooze.confirm')}</Button>
        </div>
      </form>
    </FormDialog>
  );
}
