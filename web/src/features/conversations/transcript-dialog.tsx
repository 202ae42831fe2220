import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormDialog } from '../../components/form-dialog';
import { TextField } from '../../components/text-field';

type Props = { open: boolean; onOpenChange(open: boolean): void; defaultEmail: string; onSend(email: string): Promise<unknown> };

/** "Enviar Transcrição": the whole history, without private notes, to an e-mail address. */
export function TranscriptDialog({ open, onOpenChange, defaultEmail, onSend }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(defaultEmail);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSend(email.trim());
      onOpenChange(false);
    } catch {
      setError(t('workspace.transcript.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog open={open} onOpenChange={onOpenChange} title={t('workspace.transcript.title')} description={t('workspace.transcript.description')}>
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <TextField label={t('fields.email')} type="email" required value={email} onValueChange={setEmail} error={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" busy={busy}>
            {t('workspace.transcript.send')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
