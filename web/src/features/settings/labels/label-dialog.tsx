import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert';
import { FormDialog, FormDialogActions } from '../../../components/form-dialog';
import { TextField } from '../../../components/text-field';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { ColorField } from '../shared/color-field';
import { TextareaField } from '../shared/textarea-field';
import { ToggleField } from '../shared/toggle-field';
import { createLabel, updateLabel, type Label } from './labels-api';

const FIELDS = ['title', 'description', 'color', 'show_on_sidebar'] as const;

type LabelDialogProps = { accountId: number; label: Label | null; onSaved: () => Promise<unknown>; onClose: () => void };

/** Creates a label, or edits one (`label` given). Mounted only while open. */
export function LabelDialog({ accountId, label, onSaved, onClose }: LabelDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(label?.title ?? '');
  const [description, setDescription] = useState(label?.description ?? '');
  const [color, setColor] = useState(label?.color ?? '#1f93ff');
  const [showOnSidebar, setShowOnSidebar] = useState(label?.show_on_sidebar ?? true);

  const { mutation, fieldErrors, formError, submit } = useFormSubmit(
    FIELDS,
    () => {
      const body = { title: title.trim(), description: description.trim() || null, color, show_on_sidebar: showOnSidebar };
      return label ? updateLabel(accountId, label.id, body) : createLabel(accountId, body);
    },
    async () => {
      await onSaved();
      await queryClient.invalidateQueries({ queryKey: ['accounts', accountId, 'labels'] });
      onClose();
    },
  );

  return (
    <FormDialog
      onClose={onClose}
      title={label ? t('labels.edit.title') : t('labels.create.title')}
      description={t('labels.create.description')}
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {formError && <FormAlert>{formError}</FormAlert>}
        <TextField
          label={t('labels.fields.title')}
          required
          value={title}
          onValueChange={setTitle}
          hint={t('labels.fields.titleHint')}
          error={fieldErrors.title}
        />
        <TextareaField label={t('labels.fields.description')} value={description} onValueChange={setDescription} error={fieldErrors.description} />
        <ColorField label={t('labels.fields.color')} value={color} onValueChange={setColor} error={fieldErrors.color} />
        <ToggleField label={t('labels.fields.showOnSidebar')} checked={showOnSidebar} onCheckedChange={setShowOnSidebar} />
        <FormDialogActions onCancel={onClose} busy={mutation.isPending} submitLabel={label ? t('common.save') : t('labels.create.submit')} />
      </form>
    </FormDialog>
  );
}
