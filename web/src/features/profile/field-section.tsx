import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { describeApiError } from '../../lib/api-form-errors';

type SaveFormProps = {
  /** API field names whose errors the form shows beside their inputs. */
  fields: readonly string[];
  onSave: () => void;
  busy: boolean;
  error: unknown;
  saved: boolean;
  savedText: string;
  submitLabel?: string;
  children: (fieldErrors: Partial<Record<string, string>>) => ReactNode;
};

/** A profile section's form with its own "Salvar", its success line and the server's errors. */
export function SaveForm({ fields, onSave, busy, error, saved, savedText, submitLabel, children }: SaveFormProps) {
  const { t } = useTranslation();
  const { fieldErrors, formError } = describeApiError(error, fields, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {formError && <FormAlert>{formError}</FormAlert>}
      {saved && !error && <FormAlert tone="success">{savedText}</FormAlert>}
      {children(fieldErrors as Partial<Record<string, string>>)}
      <div>
        <Button type="submit" busy={busy}>
          {submitLabel ?? t('common.save')}
        </Button>
      </div>
    </form>
  );
}
