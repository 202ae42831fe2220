import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Code, Globe } from 'lucide-react';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, buttonClasses } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { TextField } from '../../../components/text-field';
import { describeApiError } from '../../../lib/api-form-errors';
import { useAgents } from '../../agents/agents-api';
import { useCurrentAccount } from '../../accounts/current-account';
import { SettingsSubpageHeader } from '../settings-subpage-header';
import { CopyBlock } from '../shared/copy-block';
import { MemberPicker } from '../shared/member-picker';
import { settingsKeys } from '../shared/settings-keys';
import { TextareaField } from '../shared/textarea-field';
import { ToggleField } from '../shared/toggle-field';
import { createInbox, setInboxMembers, type InboxCreate, type SettingsInbox } from './inboxes-api';
import { WebsiteChannelFields } from './website-channel-fields';
import { channelFromWidgetForm, widgetFormFrom, type WidgetForm } from './widget-form';

type Kind = 'web_widget' | 'api';

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
  'user_ids',
] as const;

/** "Adicionar caixa de entrada": choose the channel, fill it in, then get what to paste on the site or in the integration. */
export function NewInboxPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind | null>(null);
  const [created, setCreated] = useState<SettingsInbox | null>(null);

  return (
    <>
      <SettingsSubpageHeader title={t('inboxes.create.title')} description={t('inboxes.create.description')} />
      <div className="mx-auto w-full max-w-3xl p-4 md:p-8">
        {created ? (
          <CreatedInbox inbox={created} />
        ) : kind === null ? (
          <ChannelChoice onChoose={setKind} />
        ) : (
          <InboxForm kind={kind} onBack={() => setKind(null)} onCreated={setCreated} />
        )}
      </div>
    </>
  );
}

function ChannelChoice({ onChoose }: { onChoose: (kind: Kind) => void }) {
  const { t } = useTranslation();
  const channels = [
    { kind: 'web_widget' as const, icon: Globe },
    { kind: 'api' as const, icon: Code },
  ];
  return (
    <section aria-labelledby="channel-choice">
      <h2 id="channel-choice" className="text-base font-semibold text-ink">
        {t('inboxes.create.chooseChannel')}
      </h2>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {channels.map(({ kind, icon: Icon }) => (
          <li key={kind}>
            <button
              type="button"
              onClick={() => onChoose(kind)}
              className="flex h-full w-full gap-3 rounded-xl border border-line bg-surface p-4 text-left transition-colors hover:border-brand/60 hover:shadow-sm"
            >
              <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-brand-soft text-brand">
                <Icon className="size-5" aria-hidden="true" />
              </span>
              <span>
                <span className="block text-sm font-semibold text-ink">{t(`inboxes.channels.${kind}.title`)}</span>
                <span className="mt-1 block text-sm text-muted">{t(`inboxes.channels.${kind}.description`)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

type InboxFormProps = { kind: Kind; onBack: () => void; onCreated: (inbox: SettingsInbox) => void };

function InboxForm({ kind, onBack, onCreated }: InboxFormProps) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const agents = useAgents(account.id);
  const [name, setName] = useState('');
  const [widget, setWidget] = useState<WidgetForm>(() => widgetFormFrom(null));
  const onWidgetChange = useCallback((next: WidgetForm) => setWidget(next), []);
  const [greetingEnabled, setGreetingEnabled] = useState(false);
  const [greeting, setGreeting] = useState('');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [hmacMandatory, setHmacMandatory] = useState(false);
  const [members, setMembers] = useState<Set<number>>(new Set());
  const created = useRef<SettingsInbox | null>(null);

  const mutation = useMutation({
    mutationFn: async () => {
      const body: InboxCreate =
        kind === 'web_widget'
          ? {
              name: name.trim(),
              channel: { type: 'web_widget', ...channelFromWidgetForm(widget) },
              greeting_enabled: greetingEnabled,
              greeting_message: greetingEnabled ? greeting : null,
            }
          : { name: name.trim(), channel: { type: 'api', webhook_url: webhookUrl.trim() || null, hmac_mandatory: hmacMandatory } };
      // An inbox created before its agents failed to save is not created twice on the next try.
      const inbox = created.current ?? (await createInbox(account.id, body));
      created.current = inbox;
      if (members.size > 0) await setInboxMembers(account.id, inbox.id, [...members]);
      return inbox;
    },
    onSuccess: async (inbox) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: settingsKeys.inboxes(account.id) }),
        queryClient.invalidateQueries({ queryKey: ['accounts', account.id, 'inboxes'] }),
      ]);
      onCreated(inbox);
    },
  });
  const { fieldErrors, formError } = describeApiError(mutation.error, FIELDS, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      <h2 className="text-base font-semibold text-ink">{t(`inboxes.channels.${kind}.formTitle`)}</h2>
      {formError && <FormAlert>{formError}</FormAlert>}
      <TextField
        label={t('inboxes.fields.name')}
        required
        placeholder={kind === 'web_widget' ? t('inboxes.fields.namePlaceholderWebsite') : t('inboxes.fields.namePlaceholderApi')}
        value={name}
        onValueChange={setName}
        error={fieldErrors.name}
      />
      {kind === 'web_widget' ? (
        <>
          <WebsiteChannelFields form={widget} onChange={onWidgetChange} errors={fieldErrors} />
          <ToggleField label={t('inboxes.fields.greetingEnabled')} hint={t('inboxes.fields.greetingEnabledHint')} checked={greetingEnabled} onCheckedChange={setGreetingEnabled} />
          {greetingEnabled && (
            <TextareaField label={t('inboxes.fields.greetingMessage')} value={greeting} onValueChange={setGreeting} error={fieldErrors.greeting_message} />
          )}
        </>
      ) : (
        <>
          <TextField
            label={t('inboxes.fields.webhookUrl')}
            type="url"
            placeholder="https://integracao.exemplo.com.br/rockethub"
            hint={t('inboxes.fields.webhookUrlHint')}
            value={webhookUrl}
            onValueChange={setWebhookUrl}
            error={fieldErrors.webhook_url}
          />
          <ToggleField
            label={t('inboxes.fields.hmacMandatory')}
            hint={t('inboxes.fields.hmacMandatoryHint')}
            checked={hmacMandatory}
            onCheckedChange={setHmacMandatory}
          />
        </>
      )}
      {agents.data && agents.data.length > 0 && (
        <MemberPicker label={t('inboxes.fields.members')} agents={agents.data} selected={members} onChange={setMembers} />
      )}
      {fieldErrors.user_ids && <p className="text-xs text-danger">{fieldErrors.user_ids}</p>}
      <div className="flex justify-end gap-2 border-t border-line pt-4">
        <Button variant="secondary" onClick={onBack}>
          {t('common.back')}
        </Button>
        <Button type="submit" busy={mutation.isPending}>
          {t('inboxes.create.submit')}
        </Button>
      </div>
    </form>
  );
}

function CreatedInbox({ inbox }: { inbox: SettingsInbox }) {
  const { t } = useTranslation();
  const website = inbox.channel_type === 'Channel::WebWidget';
  return (
    <section aria-labelledby="inbox-created" className="flex flex-col gap-5">
      <FormAlert tone="success">
        <span id="inbox-created" className="font-medium">
          {t('inboxes.created.title', { name: inbox.name })}
        </span>
        <br />
        {website ? t('inboxes.created.websiteHint') : t('inboxes.created.apiHint')}
      </FormAlert>
      <InboxCredentials inbox={inbox} />
      <div className="flex flex-wrap justify-end gap-2 border-t border-line pt-4">
        <Link to=".." relative="path" className={buttonClasses('secondary')}>
          {t('inboxes.created.toList')}
        </Link>
        <Link to={`../${inbox.id}`} relative="path" className={buttonClasses('primary')}>
          {t('inboxes.created.toSettings')}
        </Link>
      </div>
    </section>
  );
}

/** What the site or the integration needs: the embed snippet, or the inbox identifier, and the HMAC token. */
export function InboxCredentials({ inbox }: { inbox: SettingsInbox }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-4">
      {inbox.web_widget_script && <CopyBlock label={t('inboxes.credentials.snippet')} value={inbox.web_widget_script} multiline />}
      {inbox.inbox_identifier && <CopyBlock label={t('inboxes.credentials.inboxIdentifier')} value={inbox.inbox_identifier} />}
      {inbox.hmac_token && <CopyBlock label={t('inboxes.credentials.hmacToken')} value={inbox.hmac_token} />}
      {inbox.hmac_token && <p className="-mt-3 text-xs text-muted">{t('inboxes.credentials.hmacTokenHint')}</p>}
    </div>
  );
}
