import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert';
import { FormDialog, FormDialogActions } from '../../../components/form-dialog';
import { TextField } from '../../../components/text-field';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { TextareaField } from '../shared/textarea-field';
import { createCannedResponse, updateCannedResponse, type CannedResponse } from './canned-responses-api';

const FIELDS = ['short_code', 'content'] as const;

type CannedResponseDialogProps = { accountId: number; cannedResponse: CannedResponse | null; onSaved: () => Promise<unknown>; onClose: () => void };

export function CannedResponseDialog({ accountId, cannedResponse, onSaved, onClose }: CannedResponseDialogProps) {
  const { t } = useTranslation();
  const [shortCode, setShortCode] = useState(cannedResponse?.short_code ?? '');
  const [content, setContent] = useState(cannedResponse?.content ?? '');
  const { mutation, fieldErrors, formError, submit } = useFormSubmit(
    FIELDS,
    () => {
      const body = { short_code: shortCode.trim(), content };
      return cannedResponse ? updateCannedResponse(accountId, cannedResponse.id, body) : createCannedResponse(accountId, body);
    },
    async () => {
      await onSaved();
      onClose();
    },
  );

  return (
    <FormDialog
      onClose={onClose}
      title={cannedResponse ? t('cannedResponses.edit.title') : t('cannedResponses.create.title')}
      description={t('cannedResponses.create.description')}
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {formError && <FormAlert>{formError}</FormAlert>}
        <TextField
          label={t('cannedResponses.fields.shortCode')}
          required
          value={shortCode}
          onValueChange={setShortCode}
          hint={t('cannedResponses.fields.shortCodeHint')}
          error={fieldErrors.short_code}
        />
        <TextareaField
          label={t('cannedResponses.fields.content')}
          required
          rows={6}
          value={content}
          onValueChange={setContent}
          hint={t('cannedResponses.fields.contentHint', { example: '{{contact.name}}' })}
          error={fieldErrors.content}
        />
        <FormDialogActions onCancel={onClose} busy={mutation.isPending} submitLabel={cannedResponse ? t('common.save') : t('cannedResponses.create.submit')} />
      </form>
    </FormDialog>
  );
}
