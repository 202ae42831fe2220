import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/form-alert';
import { FormDialog, FormDialogActions } from '../../../components/form-dialog';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { describeApiError } from '../../../lib/api-form-errors';
import { TextareaField } from '../shared/textarea-field';
import { attributeKeyFrom, isValidPattern, listValuesFrom } from './attribute-form-values';
import {
  ATTRIBUTE_MODELS,
  ATTRIBUTE_TYPES,
  createAttributeDefinition,
  updateAttributeDefinition,
  type AttributeDefinition,
  type AttributeModel,
  type AttributeType,
} from './custom-attributes-api';

const FIELDS = [
  'attribute_display_name',
  'attribute_key',
  'attribute_model',
  'attribute_display_type',
  'attribute_description',
  'attribute_values',
  'regex_pattern',
  'regex_cue',
] as const;

type AttributeDialogProps = {
  accountId: number;
  definition: AttributeDefinition | null;
  model: AttributeModel;
  onSaved: () => Promise<unknown>;
  onClose: () => void;
};

/** Creates a custom attribute, or edits one; its key, model and type are fixed once created. */
export function AttributeDialog({ accountId, definition, model: initialModel, onSaved, onClose }: AttributeDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(definition?.attribute_display_name ?? '');
  const [key, setKey] = useState(definition?.attribute_key ?? '');
  const [keyTouched, setKeyTouched] = useState(definition !== null);
  const [model, setModel] = useState<AttributeModel>(definition?.attribute_model ?? initialModel);
  const [type, setType] = useState<AttributeType>(definition?.attribute_display_type ?? 'text');
  const [description, setDescription] = useState(definition?.attribute_description ?? '');
  const [values, setValues] = useState((definition?.attribute_values ?? []).join('\n'));
  const [pattern, setPattern] = useState(definition?.regex_pattern ?? '');
  const [cue, setCue] = useState(definition?.regex_cue ?? '');
  const [localErrors, setLocalErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});

  const mutation = useMutation({
    mutationFn: () => {
      const common = {
        attribute_display_name: name.trim(),
        attribute_description: description.trim() || null,
        attribute_values: type === 'list' ? listValuesFrom(values) : [],
        regex_pattern: type === 'text' ? pattern.trim() || null : null,
        regex_cue: type === 'text' ? cue.trim() || null : null,
      };
      return definition
        ? updateAttributeDefinition(accountId, definition.id, common)
        : createAttributeDefinition(accountId, { ...common, attribute_key: key.trim(), attribute_model: model, attribute_display_type: type });
    },
    onSuccess: async () => {
      await onSaved();
      onClose();
    },
  });
  const server = describeApiError(mutation.error, FIELDS, t);
  const fieldErrors = { ...server.fieldErrors, ...localErrors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof localErrors = {};
    if (type === 'list' && listValuesFrom(values).length === 0) errors.attribute_values = t('customAttributes.errors.listNeedsValues');
    if (type === 'text' && pattern.trim() && !isValidPattern(pattern.trim())) errors.regex_pattern = t('customAttributes.errors.badPattern');
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) mutation.mutate();
  };

  return (
    <FormDialog
      onClose={onClose}
      title={definition ? t('customAttributes.edit.title') : t('customAttributes.create.title')}
      description={t('customAttributes.create.description')}
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {server.formError && <FormAlert>{server.formError}</FormAlert>}
        <SelectField
          label={t('customAttributes.fields.model')}
          value={model}
          options={ATTRIBUTE_MODELS.map((value) => ({ value, label: t(`customAttributes.models.${value}`) }))}
          onValueChange={setModel}
          disabled={definition !== null}
          error={fieldErrors.attribute_model}
        />
        <TextField
          label={t('customAttributes.fields.displayName')}
          required
          value={name}
          onValueChange={(value) => {
            setName(value);
            if (!keyTouched) setKey(attributeKeyFrom(value));
          }}
          error={fieldErrors.attribute_display_name}
        />
        <TextField
          label={t('customAttributes.fields.key')}
          required
          value={key}
          onValueChange={(value) => {
            setKeyTouched(true);
            setKey(value);
          }}
          disabled={definition !== null}
          hint={t('customAttributes.fields.keyHint')}
          error={fieldErrors.attribute_key}
          inputClassName="font-mono"
        />
        <SelectField
          label={t('customAttributes.fields.type')}
          value={type}
          options={ATTRIBUTE_TYPES.map((value) => ({ value, label: t(`customAttributes.types.${value}`) }))}
          onValueChange={setType}
          disabled={definition !== null}
          error={fieldErrors.attribute_display_type}
        />
        <TextareaField
          label={t('customAttributes.fields.description')}
          value={description}
          onValueChange={setDescription}
          error={fieldErrors.attribute_description}
        />
        {type === 'list' && (
          <TextareaField
            label={t('customAttributes.fields.values')}
            rows={4}
            value={values}
            onValueChange={setValues}
            hint={t('customAttributes.fields.valuesHint')}
            error={fieldErrors.attribute_values}
          />
        )}
        {type === 'text' && (
          <>
            <TextField
              label={t('customAttributes.fields.regexPattern')}
              value={pattern}
              onValueChange={setPattern}
              hint={t('customAttributes.fields.regexPatternHint')}
              error={fieldErrors.regex_pattern}
              inputClassName="font-mono"
            />
            {pattern.trim() && (
              <TextField
                label={t('customAttributes.fields.regexCue')}
                value={cue}
                onValueChange={setCue}
                hint={t('customAttributes.fields.regexCueHint')}
                error={fieldErrors.regex_cue}
              />
            )}
          </>
        )}
        <FormDialogActions onCancel={onClose} busy={mutation.isPending} submitLabel={definition ? t('common.save') : t('customAttributes.create.submit')} />
      </form>
    </FormDialog>
  );
}
