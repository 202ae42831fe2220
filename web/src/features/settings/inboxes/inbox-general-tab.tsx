import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/text-field';
import { describeApiError } from '../../../lib/api-form-errors';
import { TextareaField } from '../shared/textarea-field';
import { ToggleField } from '../shared/toggle-field';
import { isWebsite, type InboxInput, type SettingsInbox } from './inboxes-api';
import { SaveBar } from './save-bar';
import { useSaveInbox } from './use-save-inbox';
import { WebsiteChannelFields } from './website-channel-fields';
import { channelFromWidgetForm, widgetFormFrom, type WidgetForm } from './widget-form';

const FIELDS = [
  'name',
  'website_url',
  'widget_color',
  'welcome_title',
  'welcome_tagline',
  'allowed_domains',
  'pre_chat_form_options',
  'webhook_url',
  'greeting_message',
] as const;

/** The inbox's own settings: name, channel, greeting and what happens around resolving. */
export function InboxGeneralTab({ inbox }: { inbox: SettingsInbox }) {
  const { t } = useTranslation();
  const website = isWebsite(inbox);
  const [name, setName] = useState(inbox.name);
  const [widget, setWidget] = useState<WidgetForm>(() => widgetFormFrom(inbox));
  const onWidgetChange = useCallback((next: WidgetForm) => setWidget(next), []);
  const [webhookUrl, setWebhookUrl] = useState(inbox.webhook_url ?? '');
  const [hmacMandatory, setHmacMandatory] = useState(inbox.hmac_mandatory);
  const [greetingEnabled, setGreetingEnabled] = useState(inbox.greeting_enabled);
  const [greeting, setGreeting] = useState(inbox.greeting_message ?? '');
  const [csat, setCsat] = useState(inbox.csat_survey_enabled);
  const [afterResolved, setAfterResolved] = useState(inbox.allow_messages_after_resolved);
  const [lockSingle, setLockSingle] = useState(inbox.lock_to_single_conversation);
  const { mutation, saved } = useSaveInbox(inbox);
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: InboxInput = {
      name: name.trim(),
      channel: website ? channelFromWidgetForm(widget) : { webhook_url: webhookUrl.trim() || null, hmac_mandatory: hmacMandatory },
      greeting_enabled: greetingEnabled,
      greeting_message: greeting.trim() || null,
      csat_survey_enabled: csat,
      allow_messages_after_resolved: afterResolved,
      lock_to_single_conversation: lockSingle,
    };
    mutation.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      <TextField label={t('inboxes.fields.name')} required value={name} onValueChange={setName} error={fieldErrors.name} />
      {website ? (
        <WebsiteChannelFields form={widget} onChange={onWidgetChange} errors={fieldErrors} storedPreChatFields={inbox.pre_chat_form_options?.pre_chat_fields} />
      ) : (
        <>
          <TextField
            label={t('inboxes.fields.webhookUrl')}
            type="url"
            hint={t('inboxes.fields.webhookUrlHint')}
            value={webhookUrl}
            onValueChange={setWebhookUrl}
            error={fieldErrors.webhook_url}
          />
          <ToggleField label={t('inboxes.fields.hmacMandatory')} hint={t('inboxes.fields.hmacMandatoryHint')} checked={hmacMandatory} onCheckedChange={setHmacMandatory} />
        </>
      )}
      <ToggleField label={t('inboxes.fields.greetingEnabled')} hint={t('inboxes.fields.greetingEnabledHint')} checked={greetingEnabled} onCheckedChange={setGreetingEnabled} />
      {greetingEnabled && <TextareaField label={t('inboxes.fields.greetingMessage')} value={greeting} onValueChange={setGreeting} error={fieldErrors.greeting_message} />}
      <ToggleField label={t('inboxes.fields.csat')} hint={t('inboxes.fields.csatHint')} checked={csat} onCheckedChange={setCsat} />
      <ToggleField
        label={t('inboxes.fields.allowMessagesAfterResolved')}
        hint={t('inboxes.fields.allowMessagesAfterResolvedHint')}
        checked={afterResolved}
        onCheckedChange={setAfterResolved}
      />
      <ToggleField
        label={t('inboxes.fields.lockToSingleConversation')}
        hint={t('inboxes.fields.lockToSingleConversationHint')}
        checked={lockSingle}
        onCheckedChange={setLockSingle}
      />
      <SaveBar busy={mutation.isPending} saved={saved} error={formError} />
    </form>
  );
}
