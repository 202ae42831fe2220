import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { useCurrentAccount } from '../../accounts/current-account';
import { useAttributeDefinitions } from '../custom-attributes/custom-attributes-api';
import { ColorField } from '../shared/color-field';
import { TextareaField } from '../shared/textarea-field';
import { ToggleField } from '../shared/toggle-field';
import { REPLY_TIMES } from './inboxes-api';
import { changeField, preChatFieldsFor, type PreChatField } from './pre-chat-fields';
import type { WidgetForm } from './widget-form';

type Errors = Partial<Record<'website_url' | 'widget_color' | 'welcome_title' | 'welcome_tagline' | 'allowed_domains' | 'pre_chat_form_options', string>>;

type WebsiteChannelFieldsProps = {
  form: WidgetForm;
  onChange: (form: WidgetForm) => void;
  errors: Errors;
  /** The pre-chat fields the inbox stored (settings page); none when creating. */
  storedPreChatFields?: PreChatField[] | undefined;
};

/** The website channel's own settings: site, look, welcome texts, pre-chat form, allowed domains, identity validation. */
export function WebsiteChannelFields({ form, onChange, errors, storedPreChatFields }: WebsiteChannelFieldsProps) {
  const { t } = useTranslation();
  const set = <Key extends keyof WidgetForm>(key: Key, value: WidgetForm[Key]) => onChange({ ...form, [key]: value });
  return (
    <div className="flex flex-col gap-4">
      <TextField
        label={t('inboxes.fields.websiteUrl')}
        type="url"
        required
        placeholder="https://www.exemplo.com.br"
        value={form.websiteUrl}
        onValueChange={(value) => set('websiteUrl', value)}
        error={errors.website_url}
      />
      <ColorField label={t('inboxes.fields.widgetColor')} value={form.color} onValueChange={(value) => set('color', value)} error={errors.widget_color} />
      <TextField
        label={t('inboxes.fields.welcomeTitle')}
        placeholder={t('inboxes.fields.welcomeTitlePlaceholder')}
        value={form.welcomeTitle}
        onValueChange={(value) => set('welcomeTitle', value)}
        error={errors.welcome_title}
      />
      <TextField
        label={t('inboxes.fields.welcomeTagline')}
        placeholder={t('inboxes.fields.welcomeTaglinePlaceholder')}
        value={form.welcomeTagline}
        onValueChange={(value) => set('welcomeTagline', value)}
        error={errors.welcome_tagline}
      />
      <SelectField
        label={t('inboxes.fields.replyTime')}
        value={form.replyTime}
        options={REPLY_TIMES.map((value) => ({ value, label: t(`inboxes.replyTimes.${value}`) }))}
        onValueChange={(value) => set('replyTime', value)}
      />
      <TextareaField
        label={t('inboxes.fields.allowedDomains')}
        hint={t('inboxes.fields.allowedDomainsHint')}
        placeholder={'exemplo.com.br\n*.exemplo.com.br'}
        value={form.allowedDomains}
        onValueChange={(value) => set('allowedDomains', value)}
        error={errors.allowed_domains}
      />
      <ToggleField
        label={t('inboxes.fields.hmacMandatory')}
        hint={t('inboxes.fields.hmacMandatoryHint')}
        checked={form.hmacMandatory}
        onCheckedChange={(value) => set('hmacMandatory', value)}
      />
      <ToggleField
        label={t('inboxes.fields.preChatEnabled')}
        hint={t('inboxes.fields.preChatEnabledHint')}
        checked={form.preChatEnabled}
        onCheckedChange={(value) => set('preChatEnabled', value)}
      />
      {form.preChatEnabled && <PreChatEditor form={form} onChange={onChange} stored={storedPreChatFields} error={errors.pre_chat_form_options} />}
    </div>
  );
}

type PreChatEditorProps = { form: WidgetForm; onChange: (form: WidgetForm) => void; stored: PreChatField[] | undefined; error: string | undefined };

function PreChatEditor({ form, onChange, stored, error }: PreChatEditorProps) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const definitions = useAttributeDefinitions(account.id);
  const fields = form.preChatFields;

  useEffect(() => {
    if (!fields && definitions.data) onChange({ ...form, preChatFields: preChatFieldsFor(stored, definitions.data) });
  }, [fields, definitions.data, stored, form, onChange]);

  const labelOf = (field: PreChatField) =>
    field.field_type === 'standard' ? field.label || t(`inboxes.preChat.standard.${field.name}`) : field.label;

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-line p-3">
      <TextareaField
        label={t('inboxes.fields.preChatMessage')}
        value={form.preChatMessage}
        onValueChange={(value) => onChange({ ...form, preChatMessage: value })}
      />
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-sm font-medium text-ink">{t('inboxes.preChat.fieldsTitle')}</caption>
        <thead>
          <tr className="text-left text-xs text-muted">
            <th className="py-1 font-medium">{t('inboxes.preChat.field')}</th>
            <th className="w-20 py-1 text-center font-medium">{t('inboxes.preChat.enabled')}</th>
            <th className="w-20 py-1 text-center font-medium">{t('inboxes.preChat.required')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {(fields ?? []).map((field) => (
            <tr key={field.name}>
              <td className="py-1.5 text-ink">
                {labelOf(field)}
                {field.field_type !== 'standard' && (
                  <span className="ml-1.5 text-xs text-muted">({t(`customAttributes.models.${field.field_type}`)})</span>
                )}
              </td>
              <td className="text-center">
                <input
                  type="checkbox"
                  className="size-4 accent-brand"
                  aria-label={t('inboxes.preChat.enableField', { field: labelOf(field) })}
                  checked={field.enabled}
                  onChange={(event) => onChange({ ...form, preChatFields: changeField(fields ?? [], field.name, { enabled: event.target.checked }) })}
                />
              </td>
              <td className="text-center">
                <input
                  type="checkbox"
                  className="size-4 accent-brand"
                  aria-label={t('inboxes.preChat.requireField', { field: labelOf(field) })}
                  checked={field.required}
                  onChange={(event) => onChange({ ...form, preChatFields: changeField(fields ?? [], field.name, { required: event.target.checked }) })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p className="text-xs text-danger">{error}</p>}
    </div>
  );
}
