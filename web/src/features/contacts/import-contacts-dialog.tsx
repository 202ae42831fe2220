import { useQueryClient } from '@tanstack/react-query';
import { CircleCheck, Download, FileUp } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, buttonClasses } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { FormDialog } from '../../components/form-dialog';
import { inputClasses } from '../../components/text-field';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import { refreshContacts, rejectedRowsUrl, startImport, useImportProgress } from './contacts-api';
import { csvHeader, guessMapping, IMPORT_FIELDS, type ImportField } from './csv-columns';

/** Enough of the file to hold its header line. */
const HEADER_BYTES = 64 * 1024;

type Chosen = { file: File; headers: string[] };

/** "Importar contatos": a CSV file, its columns mapped to contact fields, then the background job's progress and summary. */
export function ImportContactsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<ImportField, number>>>({});
  const [importId, setImportId] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const progress = useImportProgress(account.id, importId);
  const job = progress.data;
  const finished = job?.status === 'completed' || job?.status === 'failed';

  const choose = async (file: File | undefined) => {
    setError(null);
    if (!file) return setChosen(null);
    const headers = csvHeader(await file.slice(0, HEADER_BYTES).text());
    if (headers.length === 0) {
      setChosen(null);
      return setError(t('contacts.import.noHeader'));
    }
    setChosen({ file, headers });
    setMapping(guessMapping(headers));
  };

  const start = async () => {
    if (!chosen) return;
    setStarting(true);
    setError(null);
    try {
      const created = await startImport(account.id, chosen.file, mapping as Record<string, number>);
      setImportId(created.id);
    } catch (e) {
      setError(apiErrorMessage(e, t));
    } finally {
      setStarting(false);
    }
  };

  const close = () => {
    if (finished) void refreshContacts(queryClient, account.id);
    onClose();
  };

  const percent = job && job.total_rows > 0 ? Math.round((job.processed_rows / job.total_rows) * 100) : 0;

  return (
    <FormDialog open onOpenChange={(open) => !open && close()} wide title={t('contacts.import.title')} description={t('contacts.import.description')}>
      {importId === null ? (
        <div className="flex flex-col gap-4">
          <label className="flex cursor-pointer flex-col items-center gap-2 rounded-xl border border-dashed border-line px-4 py-6 text-center text-sm text-muted hover:bg-subtle">
            <FileUp className="size-6 text-brand" aria-hidden="true" />
            <span className="font-medium text-ink">{chosen ? chosen.file.name : t('contacts.import.choose')}</span>
            <span>{t('contacts.import.hint')}</span>
            <input type="file" accept=".csv,text/csv" className="sr-only" aria-label={t('contacts.import.file')} onChange={(e) => void choose(e.target.files?.[0])} />
          </label>
          {chosen && (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-sm font-medium text-ink">{t('contacts.import.mapping')}</legend>
              {IMPORT_FIELDS.map((field) => (
                <label key={field} className="grid grid-cols-[10rem_1fr] items-center gap-3 text-sm text-ink">
                  {t(`contacts.fields.${field === 'company_name' ? 'company' : field}`)}
                  <select
                    value={mapping[field] ?? ''}
                    onChange={(e) =>
                      setMapping((m) => {
                        const next = { ...m };
                        if (e.target.value === '') delete next[field];
                        else next[field] = Number(e.target.value);
                        return next;
                      })
                    }
                    className={`${inputClasses} border-line py-1.5`}
                  >
                    <option value="">{t('contacts.import.skip')}</option>
                    {chosen.headers.map((header, index) => (
                      <option key={index} value={index}>{header || t('contacts.import.column', { number: index + 1 })}</option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
          {error && <FormAlert>{error}</FormAlert>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>{t('common.cancel')}</Button>
            <Button disabled={!chosen || Object.keys(mapping).length === 0} busy={starting} onClick={() => void start()}>
              {t('contacts.import.start')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          <div>
            <div className="mb-1.5 flex justify-between text-sm text-ink">
              <span>{finished ? t(`contacts.import.status.${job.status}`) : t('contacts.import.running')}</span>
              <span>{job ? t('contacts.import.rows', { done: job.processed_rows.toLocaleString(), total: job.total_rows.toLocaleString() }) : ''}</span>
            </div>
            <div
              role="progressbar"
              aria-label={t('contacts.import.progress')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-2.5 overflow-hidden rounded-full bg-subtle"
            >
              <div className="h-full rounded-full bg-brand transition-[width] duration-300" style={{ width: `${percent}%` }} />
            </div>
          </div>
          {progress.isError && <FormAlert>{apiErrorMessage(progress.error, t)}</FormAlert>}
          {job?.status === 'failed' && <FormAlert>{t('contacts.import.failed', { error: job.error ?? '' })}</FormAlert>}
          {job?.status === 'completed' && (
            <div role="status" aria-label={t('contacts.import.summary')} className="flex flex-col gap-3 rounded-xl border border-line p-4">
              <p className="flex items-center gap-2 font-medium text-ink">
                <CircleCheck className="size-5 text-success" aria-hidden="true" />
                {t('contacts.import.done')}
              </p>
              <dl className="grid grid-cols-3 gap-2 text-center">
                {(['created_count', 'updated_count', 'rejected_count'] as const).map((key) => (
                  <div key={key} className="rounded-lg bg-subtle p-2">
                    <dt className="text-xs text-muted">{t(`contacts.import.${key}`)}</dt>
                    <dd className={`text-lg font-semibold ${key === 'rejected_count' && job[key] > 0 ? 'text-danger' : 'text-ink'}`}>{job[key].toLocaleString()}</dd>
                  </div>
                ))}
              </dl>
              {job.rejected_count > 0 && (
                <a href={rejectedRowsUrl(account.id, job.id)} download className={buttonClasses('secondary', 'self-start')}>
                  <Download className="size-4" aria-hidden="true" />
                  {t('contacts.import.downloadRejected')}
                </a>
              )}
            </div>
          )}
          <div className="flex justify-end">
            <Button variant={finished ? 'primary' : 'secondary'} onClick={close}>
              {finished ? t('common.close') : t('contacts.import.background')}
            </Button>
          </div>
        </div>
      )}
    </FormDialog>
  );
}
