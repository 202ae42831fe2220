import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert';
import { FormDialog, FormDialogActions } from '../../../components/form-dialog';
import { TextField } from '../../../components/text-field';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { createDashboardApp, frameUrl, updateDashboardApp, type DashboardApp } from '../../dashboard-apps/dashboard-apps-api';

/** `url` is the last part of the server's `content.0.url`; `content` when the list itself is refused. */
const FIELDS = ['title', 'url', 'content'] as const;

type DashboardAppDialogProps = { accountId: number; app: DashboardApp | null; onSaved: () => Promise<unknown>; onClose: () => void };

/** Adds a dashboard app (name + URL), or edits one (`app` given). Mounted only while open. */
export function DashboardAppDialog({ accountId, app, onSaved, onClose }: DashboardAppDialogProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(app?.title ?? '');
  const [url, setUrl] = useState(app ? (frameUrl(app) ?? '') : '');

  const { mutation, fieldErrors, formError, submit } = useFormSubmit(
    FIELDS,
    () => {
      const body = { title: title.trim(), content: [{ type: 'frame' as const, url: url.trim() }] };
      return app ? updateDashboardApp(accountId, app.id, body) : createDashboardApp(accountId, body);
    },
    async () => {
      await onSaved();
      onClose();
    },
  );

  return (
    <FormDialog
      onClose={onClose}
      title={app ? t('dashboardApps.edit.title') : t('dashboardApps.create.title')}
      description={t('dashboardApps.create.description')}
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {formError && <FormAlert>{formError}</FormAlert>}
        <TextField label={t('dashboardApps.fields.title')} required value={title} onValueChange={setTitle} error={fieldErrors.title} />
        <TextField
          label={t('dashboardApps.fields.url')}
          required
          type="url"
          inputMode="url"
          placeholder="https://"
          value={url}
          onValueChange={setUrl}
          hint={t('dashboardApps.fields.urlHint')}
          error={fieldErrors.url ?? fieldErrors.content}
        />
        <FormDialogActions onCancel={onClose} busy={mutation.isPending} submitLabel={app ? t('common.save') : t('dashboardApps.create.submit')} />
      </form>
    </FormDialog>
  );
}
