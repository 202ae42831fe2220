// The widget app: runs in the iframe the loader opens (or alone in a pop-out window).
import { render } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FrameParams, LoaderCommand, WidgetEvent } from '../protocol';
import { ApiError, createApi, type Config, type Contact, type Conversation, type Message } from './api';
import { connectCable, type CableEvent } from './cable';
import { stringsFor, type Strings } from './i18n';
import { renderMarkdown } from './markdown';
import { isAgent, mergeMessages, unseenAgentMessages } from './messages';
import './styles.css';

const websiteToken = new URLSearchParams(location.search).get('website_token') ?? '';
const params: FrameParams = (() => {
  try {
    return JSON.parse(decodeURIComponent(location.hash.slice(1)) || '{}') as FrameParams;
  } catch {
    return {};
  }
})();
history.replaceState(null, '', location.pathname + location.search);
const standalone = window.parent === window;
const parentOrigin = location.ancestorOrigins?.[0] ?? params.parent ?? (document.referrer ? new URL(document.referrer).origin : '');
const storedTokenKey = `rh_widget_token:${websiteToken}`;

function tell(event: WidgetEvent) {
  if (!standalone && parentOrigin) window.parent.postMessage({ rh: 1, ...event }, parentOrigin);
}

function initialToken(): string | null {
  if (params.auth) return params.auth;
  if (!standalone) return null;
  try {
    return localStorage.getItem(storedTokenKey);
  } catch {
    return null;
  }
}

const api = createApi(websiteToken, initialToken(), (token) => {
  tell({ type: 'auth', token });
  if (standalone) {
    try {
      localStorage.setItem(storedTokenKey, token);
    } catch {
      /* storage blocked */
    }
  }
});

function beep() {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
  } catch {
    /* no audio */
  }
}

/** A file's name: the link's last segment (the stored name) when the server gives none. */
const fileName = (a: Message['attachments'][number], t: Strings) => a.file_name ?? (decodeURIComponent(a.data_url.split('?')[0]!.split('/').pop() ?? '') || t.file);
const preview = (m: Message, t: Strings) => (m.content ?? (m.attachments.length ? t.file : '')).slice(0, 200);
const EMOJI = ['😀', '😂', '😊', '😍', '🤔', '😢', '😡', '👍', '👎', '🙏', '👏', '🎉', '❤️', '🔥', '✅', '❓'];
const CSAT = ['😞', '😕', '😐', '🙂', '😍'];
const Clip = () => (
  <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true">
    <path d="M21 11.5 12.5 20a5 5 0 0 1-7-7L14 4.5a3.3 3.3 0 0 1 4.7 4.7L10.2 17.7a1.7 1.7 0 0 1-2.4-2.4L15.5 7.6" />
  </svg>
);

type PreChatField = { name: string; label: string; type: string; required: boolean; key: string; target: 'contact' | 'conversation' };

/** The pre-chat fields: Chatwoot's `pre_chat_fields`, or its older `require_email` switch. */
function preChatFields(options: Record<string, unknown>, t: Strings): PreChatField[] {
  const standard: Record<string, { key: string; label: string; type: string }> = {
    fullName: { key: 'name', label: t.name, type: 'text' },
    emailAddress: { key: 'email', label: t.email, type: 'email' },
    phoneNumber: { key: 'phone_number', label: t.phone, type: 'tel' },
  };
  const list = Array.isArray(options.pre_chat_fields) ? (options.pre_chat_fields as Record<string, unknown>[]) : null;
  if (!list) {
    return [
      { name: 'fullName', ...standard.fullName!, required: false, target: 'contact' },
      { name: 'emailAddress', ...standard.emailAddress!, required: options.require_email === true, target: 'contact' },
    ];
  }
  return list
    .filter((f) => f.enabled !== false && typeof f.name === 'string')
    .map((f) => {
      const name = String(f.name);
      const known = standard[name];
      return {
        name,
        key: known?.key ?? name,
        label: typeof f.label === 'string' && f.label ? f.label : (known?.label ?? name),
        type: known?.type ?? (f.type === 'number' ? 'number' : f.type === 'email' ? 'email' : 'text'),
        required: f.required === true,
        target: known ? 'contact' : f.field_type === 'contact_attribute' ? 'contact' : 'conversation',
      };
    });
}

function validate(field: PreChatField, value: string, t: Strings): string | null {
  const v = value.trim();
  if (!v) return field.required ? t.required : null;
  if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return t.invalidEmail;
  if (field.type === 'tel' && !/^\+\d{7,15}$/.test(v.replace(/[\s().-]/g, ''))) return t.invalidPhone;
  return null;
}

function Avatar({ name, url, size = 32 }: { name: string; url?: string; size?: number }) {
  return url ? (
    <img class="avatar" src={url} alt={name} width={size} height={size} />
  ) : (
    <span class="avatar" style={{ width: size, height: size }} aria-label={name}>
      {name.trim().charAt(0).toUpperCase() || '?'}
    </span>
  );
}

function App() {
  const [locale, setLocale] = useState(params.locale ?? navigator.language);
  const [scheme, setScheme] = useState(params.dark ?? 'light');
  const t = useMemo(() => stringsFor(locale), [locale]);
  const [config, setConfig] = useState<Config | null>(null);
  const [contact, setContact] = useState<Contact | null>(null);
  const [view, setView] = useState<'home' | 'prechat' | 'chat'>('home');
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [agentTyping, setAgentTyping] = useState(false);
  const [connected, setConnected] = useState(true);
  const [open, setOpen] = useState(standalone);
  const [error, setError] = useState<string | null>(null);
  // Layout effects run right after rendering: a hidden iframe may not paint for a while, and the
  // live handler must know at once that the widget was closed.
  const openRef = useRef(open);
  const conversationRef = useRef(conversation);
  const localeRef = useRef(locale);
  useLayoutEffect(() => {
    openRef.current = open;
    conversationRef.current = conversation;
    localeRef.current = locale;
  }, [open, conversation, locale]);
  /** Ids of the messages the visitor was already told about (live, or loaded with the conversation). */
  const seenRef = useRef(new Set<number>());

  const load = async () => {
    const loaded = await api.config();
    setConfig(loaded);
    setContact(loaded.contact);
    tell({ type: 'config', color: loaded.website_channel_config.widget_color });
    if (loaded.contact) {
      const current = await api.conversation();
      for (const m of current?.messages ?? []) seenRef.current.add(m.id);
      conversationRef.current = current;
      setConversation(current);
      setMessages(current?.messages ?? []);
    }
    return loaded;
  };

  useEffect(() => {
    load()
      .then(() => tell({ type: 'ready' }))
      .catch((e: unknown) => {
        setError(stringsFor(localeRef.current).error);
        tell({ type: 'error', error: { code: e instanceof ApiError ? e.code : 'error', message: String((e as Error).message) } });
        tell({ type: 'ready' });
      });
  }, []);

  // Live replies over /cable with the session's pubsub token.
  const pubsub = config?.contact?.pubsub_token;
  useEffect(() => {
    if (!pubsub) return;
    /** An agent message the visitor has not seen: to the page (event, preview bubble when closed) and a sound. */
    const announce = (message: Message) => {
      tell({ type: 'message', message });
      // The loader shows the preview only while the widget is closed (it knows that best).
      tell({ type: 'unread', text: preview(message, stringsFor(localeRef.current)) });
      if (!openRef.current || document.hidden) beep();
    };

    /** After the socket (re)connects: what was sent while it was away. */
    const resync = async () => {
      if (!api.hasToken()) return;
      const fresh = await api.conversation();
      const current = conversationRef.current;
      if (!fresh || (current && fresh.id !== current.id)) return;
      conversationRef.current = fresh;
      setConversation(fresh);
      setMessages((list) => mergeMessages(list, fresh.messages));
      for (const m of unseenAgentMessages(seenRef.current, fresh.messages)) announce(m);
    };
    return connectCable(
      pubsub,
      (e: CableEvent) => {
        const data = e.data;
        const current = conversationRef.current;
        if (e.event === 'message.created' || e.event === 'message.updated') {
          const message = data as unknown as Message;
          if (current && message.conversation_id !== current.id) return;
          if (!current) void api.conversation().then(setConversation);
          setMessages((list) => mergeMessages(list, [message]));
          if (e.event === 'message.created' && isAgent(message)) setAgentTyping(false);
          if (e.event === 'message.created') for (const m of unseenAgentMessages(seenRef.current, [message])) announce(m);
        } else if (e.event === 'conversation.typing_on' || e.event === 'conversation.typing_off') {
          const who = data.user as { type?: string } | undefined;
          if (who?.type !== 'contact') setAgentTyping(e.event === 'conversation.typing_on');
        } else if (e.event === 'conversation.status_changed' && current && data.id === current.id) {
          setConversation({ ...current, status: String(data.status) });
        } else if (e.event === 'conversation.read' && current && data.id === current.id && typeof data.agent_last_seen_at === 'number') {
          // An agent read the conversation: the visitor's messages show as read.
          const fresh = { ...current, agent_last_seen_at: data.agent_last_seen_at };
          conversationRef.current = fresh;
          setConversation(fresh);
        }
      },
      (up) => {
        setConnected(up);
        if (up) void resync().catch(() => undefined);
      },
    );
  }, [pubsub]);

  // The loader's commands.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (standalone || event.source !== window.parent || event.origin !== parentOrigin) return;
      const command = event.data as LoaderCommand & { rh?: number };
      if (!command || command.rh !== 1) return;
      void run(command).catch((e: unknown) => tell({ type: 'error', error: { code: e instanceof ApiError ? e.code : 'error', message: String((e as Error).message) } }));
    };
    const run = async (c: LoaderCommand) => {
      switch (c.type) {
        case 'open':
          openRef.current = true;
          return setOpen(true);
        case 'close':
          openRef.current = false;
          return setOpen(false);
        case 'setLocale':
          return setLocale(c.locale);
        case 'setColorScheme':
          return setScheme(c.scheme);
        case 'setUser': {
          const u = c.user;
          const pick = (k: string) => (typeof u[k] === 'string' ? (u[k] as string) : undefined);
          const before = api.hasToken();
          const result = await api.setUser(c.identifier, {
            name: pick('name'),
            email: pick('email'),
            avatar_url: pick('avatar_url'),
            phone_number: pick('phone_number'),
            identifier_hash: pick('identifier_hash'),
            ...(u.custom_attributes && typeof u.custom_attributes === 'object' ? { custom_attributes: u.custom_attributes } : {}),
          });
          setContact(result);
          if (!before || (result as { widget_auth_token?: string }).widget_auth_token) await load();
          return;
        }
        case 'setCustomAttributes':
          return setContact(await api.updateContact({ custom_attributes: c.attributes }));
        case 'deleteCustomAttribute':
          return api.hasToken() ? setContact(await api.deleteContactAttribute(c.key)) : undefined;
        case 'setConversationCustomAttributes':
          return conversationRef.current ? void (await api.setConversationAttributes(c.attributes)) : undefined;
        case 'setLabel':
          return conversationRef.current ? void (await api.addLabel(c.label)) : undefined;
        case 'removeLabel':
          return conversationRef.current ? void (await api.removeLabel(c.label)) : undefined;
      }
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    const dark = scheme === 'dark' || (scheme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.lang = locale;
  }, [scheme, locale]);

  if (!config) return <div class="loading">{error ?? ''}</div>;
  const c = config.website_channel_config;
  const hasConversation = conversation !== null && messages.length > 0;

  const startConversation = () => {
    if (hasConversation || !c.pre_chat_form_enabled || (contact?.email && conversation)) setView('chat');
    else setView('prechat');
  };

  return (
    <div class="widget" style={{ '--c': c.widget_color }}>
      <Header config={config} t={t} compact={view !== 'home'} onBack={view !== 'home' ? () => setView('home') : undefined} />
      {!connected && <div class="banner">{t.offline}</div>}
      {view === 'home' && <Home config={config} t={t} hasConversation={hasConversation} onStart={startConversation} />}
      {view === 'prechat' && (
        <PreChat
          config={config}
          t={t}
          onStarted={async (started) => {
            setConversation(started);
            setMessages(started.messages);
            setContact(started.contact);
            tell({ type: 'conversation-started', conversation: { id: started.id } });
            setView('chat');
            if (!config.contact) await load();
          }}
        />
      )}
      {view === 'chat' && (
        <Chat
          config={config}
          t={t}
          open={open}
          contact={contact}
          conversation={conversation}
          messages={messages}
          agentTyping={agentTyping}
          setMessages={setMessages}
          onContact={setContact}
          onConversation={async (fresh) => {
            if (fresh) {
              setConversation(fresh);
              return;
            }
            const first = !conversationRef.current;
            const loaded = first ? await load() : null;
            if (first && loaded) tell({ type: 'conversation-started', conversation: { id: (await api.conversation())?.id } });
          }}
        />
      )}
    </div>
  );
}

function Header({ config, t, compact, onBack }: { config: Config; t: Strings; compact: boolean; onBack?: (() => void) | undefined }) {
  const c = config.website_channel_config;
  const online = config.available_agents.length > 0 && c.is_open;
  return (
    <header class={compact ? 'head compact' : 'head'}>
      <div class="head-row">
        {onBack && (
          <button class="icon" onClick={onBack} aria-label={t.back}>
            ‹
          </button>
        )}
        <Avatar name={c.website_name} url={c.avatar_url} size={compact ? 32 : 40} />
        <div class="head-title">
          <strong>{c.website_name}</strong>
          {compact && <small>{online ? t.online : (t.replyTime[c.reply_time] ?? t.away)}</small>}
        </div>
        <span class="grow" />
        {params.popout && !standalone && (
          <button class="icon" onClick={() => tell({ type: 'popout' })} aria-label={t.popout} title={t.popout}>
            ↗
          </button>
        )}
        {!standalone && (
          <button class="icon" onClick={() => tell({ type: 'close' })} aria-label={t.close} title={t.close}>
            ×
          </button>
        )}
      </div>
      {!compact && (
        <div class="welcome">
          <h1>{c.welcome_title || t.welcome}</h1>
          <p>{c.welcome_tagline || t.tagline}</p>
        </div>
      )}
    </header>
  );
}

function Home({ config, t, hasConversation, onStart }: { config: Config; t: Strings; hasConversation: boolean; onStart: () => void }) {
  const c = config.website_channel_config;
  const online = config.available_agents.length > 0 && c.is_open;
  return (
    <main class="home">
      <section class="card">
        <div class="availability">
          <div>
            <strong>{online ? t.online : t.away}</strong>
            <p class="muted">{online || !c.out_of_office_message ? t.replyTime[c.reply_time] : c.out_of_office_message}</p>
          </div>
          <div class="avatars">
            {config.available_agents.slice(0, 4).map((a) => (
              <Avatar key={a.id} name={a.name} url={a.avatar_url} />
            ))}
          </div>
        </div>
        <button class="primary" onClick={onStart}>
          {hasConversation ? t.continue : t.start}
        </button>
      </section>
    </main>
  );
}

function PreChat({ config, t, onStarted }: { config: Config; t: Strings; onStarted: (c: Conversation & { contact: Contact }) => Promise<void> }) {
  const options = config.website_channel_config.pre_chat_form_options;
  const fields = useMemo(() => preChatFields(options, t), [options, t]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const message: PreChatField = { name: 'message', key: 'message', label: t.message, type: 'textarea', required: true, target: 'conversation' };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    for (const f of [...fields, message]) {
      const problem = validate(f, values[f.name] ?? '', t);
      if (problem) found[f.name] = problem;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const contactFields: Record<string, string> = {};
    const attributes: Record<string, string> = {};
    for (const f of fields) {
      const v = (values[f.name] ?? '').trim();
      if (!v) continue;
      if (f.key === 'name' || f.key === 'email' || f.key === 'phone_number') contactFields[f.key] = f.key === 'phone_number' ? v.replace(/[\s().-]/g, '') : v;
      else attributes[f.key] = v;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onStarted(await api.startConversation({ contact: contactFields, message: { content: values.message!.trim() }, custom_attributes: attributes }));
    } catch (err) {
      setFailure(err instanceof ApiError ? err.message : t.error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="scroll">
      <form class="prechat" onSubmit={submit} noValidate>
        {typeof options.pre_chat_message === 'string' && options.pre_chat_message && <p class="muted">{options.pre_chat_message}</p>}
        {[...fields, message].map((f) => (
          <label key={f.name}>
            <span>
              {f.label}
              {f.required ? ' *' : ''}
            </span>
            {f.type === 'textarea' ? (
              <textarea name={f.name} rows={3} value={values[f.name] ?? ''} onInput={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })} aria-invalid={!!errors[f.name]} />
            ) : (
              <input name={f.name} type={f.type} value={values[f.name] ?? ''} onInput={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })} aria-invalid={!!errors[f.name]} />
            )}
            {errors[f.name] && <small class="error">{errors[f.name]}</small>}
          </label>
        ))}
        {failure && <p class="error">{failure}</p>}
        <button class="primary" disabled={busy}>
          {t.start}
        </button>
      </form>
    </main>
  );
}

type ChatProps = {
  config: Config;
  t: Strings;
  open: boolean;
  contact: Contact | null;
  conversation: Conversation | null;
  messages: Message[];
  agentTyping: boolean;
  setMessages: (update: (list: Message[]) => Message[]) => void;
  onContact: (c: Contact) => void;
  onConversation: (fresh?: Conversation) => Promise<void>;
};

function Chat({ config, t, open, contact, conversation, messages, agentTyping, setMessages, onContact, onConversation }: ChatProps) {
  const c = config.website_channel_config;
  const [draft, setDraft] = useState('');
  const [emoji, setEmoji] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const typingRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const listRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const features = c.enabled_features;
  const hasConversation = conversation !== null && messages.length > 0;

  useEffect(() => {
    listRef.current?.scrollTo(0, listRef.current.scrollHeight);
  }, [messages.length, agentTyping]);

  // The visitor has read what is on screen: when the chat is open and the page visible, again at
  // each new agent message and whenever the page comes back into view.
  const lastAgentMessage = messages.filter(isAgent).at(-1)?.id;
  useEffect(() => {
    if (!open || !hasConversation) return;
    const markSeen = () => {
      if (document.visibilityState === 'visible') void api.seen().catch(() => undefined);
    };
    markSeen();
    document.addEventListener('visibilitychange', markSeen);
    return () => document.removeEventListener('visibilitychange', markSeen);
  }, [open, hasConversation, lastAgentMessage]);

  const stopTyping = () => {
    if (typingRef.current === undefined) return;
    clearTimeout(typingRef.current);
    typingRef.current = undefined;
    if (conversation) void api.typing(false).catch(() => undefined);
  };
  const onInput = (value: string) => {
    setDraft(value);
    if (!conversation) return;
    if (typingRef.current === undefined) void api.typing(true).catch(() => undefined);
    clearTimeout(typingRef.current);
    typingRef.current = setTimeout(stopTyping, 2500);
  };

  const send = async (content: string, upload?: File) => {
    stopTyping();
    const echo = `e${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
    const optimistic: Message = { id: -Date.now(), echo_id: echo, content: content || null, message_type: 0, content_type: 'text', content_attributes: {}, created_at: Date.now() / 1000, conversation_id: conversation?.id ?? 0, attachments: [], sender: null, status: 'progress' };
    if (!upload) setMessages((l) => [...l, optimistic]);
    try {
      const sent = upload ? await api.sendFile(upload, content) : await api.send(content, echo);
      setMessages((l) => [...l.filter((m) => m.echo_id !== echo && m.id !== sent.id), sent]);
      if (!conversation) await onConversation();
    } catch (err) {
      setMessages((l) => l.map((m) => (m.echo_id === echo ? { ...m, status: 'failed' } : m)));
      setNote(err instanceof ApiError ? err.message : t.error);
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const content = draft.trim();
    if (!content) return;
    setDraft('');
    setEmoji(false);
    void send(content);
  };

  const resolved = conversation?.status === 'resolved';
  const wroteSomething = messages.some((m) => m.message_type === 0);
  const askEmail = c.enable_email_collect && wroteSomething && contact !== null && !contact.email && !contact.details_hidden;
  const lastMine = [...messages].reverse().find((m) => m.message_type === 0 && m.id > 0);

  return (
    <main class="chat">
      <div class="messages" ref={listRef} aria-live="polite">
        {c.greeting_enabled && c.greeting_message && <Bubble t={t} message={{ ...placeholder, content: c.greeting_message }} />}
        {!c.is_open && c.out_of_office_message && <Bubble t={t} message={{ ...placeholder, content: c.out_of_office_message }} />}
        {messages.map((m) => (
          <Bubble key={m.id} t={t} message={m} read={m === lastMine && !!conversation?.agent_last_seen_at && conversation.agent_last_seen_at >= m.created_at} />
        ))}
        {askEmail && <EmailCollect t={t} onSaved={onContact} />}
        {agentTyping && (
          <div class="typing" aria-label={t.agentTyping}>
            <i />
            <i />
            <i />
          </div>
        )}
        {resolved && <p class="muted center">{t.resolved}</p>}
      </div>
      {note && (
        <p class="error note" onClick={() => setNote(null)}>
          {note}
        </p>
      )}
      {emoji && (
        <div class="emoji">
          {EMOJI.map((e) => (
            <button type="button" key={e} onClick={() => onInput(draft + e)}>
              {e}
            </button>
          ))}
        </div>
      )}
      <form class="composer" onSubmit={submit}>
        <textarea
          rows={1}
          value={draft}
          placeholder={t.placeholder}
          aria-label={t.message}
          onInput={(e) => onInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) submit(e);
          }}
        />
        {features.includes('emoji_picker') && (
          <button type="button" class="icon" aria-label="Emoji" onClick={() => setEmoji(!emoji)}>
            ☺
          </button>
        )}
        {features.includes('attachments') && (
          <>
            <button type="button" class="icon" aria-label={t.attach} title={t.attach} onClick={() => fileRef.current?.click()}>
              <Clip />
            </button>
            <input
              ref={fileRef}
              type="file"
              hidden
              onChange={(e) => {
                const chosen = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (chosen) void send('', chosen);
              }}
            />
          </>
        )}
        <button class="send" aria-label={t.send} disabled={!draft.trim()}>
          ➤
        </button>
      </form>
      {conversation && (
        <div class="actions">
          {contact?.email && (
            <button class="link" onClick={() => void api.transcript().then(() => setNote(t.transcriptSent), () => setNote(t.error))}>
              {t.transcript}
            </button>
          )}
          {features.includes('end_conversation') && !resolved && (
            <button class="link" onClick={() => void api.end().then((fresh) => onConversation(fresh), () => setNote(t.error))}>
              {t.end}
            </button>
          )}
        </div>
      )}
    </main>
  );
}

const placeholder: Message = { id: 0, content: '', message_type: 1, content_type: 'text', content_attributes: {}, created_at: 0, conversation_id: 0, attachments: [], sender: null };

function Bubble({ message: m, t, read }: { message: Message; t: Strings; read?: boolean }) {
  const mine = m.message_type === 0;
  if (m.content_type === 'input_csat') return <Csat message={m} t={t} />;
  return (
    <div class={mine ? 'row mine' : 'row'}>
      {!mine && m.sender?.name && <Avatar name={m.sender.name} url={m.sender.thumbnail} size={24} />}
      <div class={`bubble${m.status === 'failed' ? ' failed' : ''}`}>
        {!mine && m.sender?.name && <small class="sender">{m.sender.name}</small>}
        {m.content && (mine ? <p class="plain">{m.content}</p> : <div class="md" dangerouslySetInnerHTML={{ __html: renderMarkdown(m.content) }} />)}
        {m.attachments.map((a) =>
          a.file_type === 'image' ? (
            <a key={a.id} href={a.data_url} target="_blank" rel="noopener noreferrer">
              <img class="thumb" src={a.thumb_url || a.data_url} alt={fileName(a, t)} />
            </a>
          ) : (
            <a key={a.id} class="file" href={a.data_url} target="_blank" rel="noopener noreferrer">
              <Clip /> {fileName(a, t)}
            </a>
          ),
        )}
        {read && <small class="read">✓✓ {t.read}</small>}
      </div>
    </div>
  );
}

function EmailCollect({ t, onSaved }: { t: Strings; onSaved: (c: Contact) => void }) {
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    const invalid = validate({ name: 'email', key: 'email', label: t.email, type: 'email', required: true, target: 'contact' }, email, t);
    if (invalid) return setProblem(invalid);
    try {
      onSaved(await api.updateContact({ email: email.trim() }));
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : t.error);
    }
  };
  return (
    <form class="card inline" onSubmit={save} noValidate>
      <strong>{t.emailPrompt}</strong>
      <div class="inline-row">
        <input type="email" value={email} placeholder={t.email} aria-label={t.email} onInput={(e) => setEmail(e.currentTarget.value)} aria-invalid={!!problem} />
        <button class="primary small">{t.save}</button>
      </div>
      {problem && <small class="error">{problem}</small>}
    </form>
  );
}

function Csat({ message, t }: { message: Message; t: Strings }) {
  const submitted = (message.content_attributes.submitted_values as { csat_survey_response?: { rating: number } } | undefined)?.csat_survey_response;
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(submitted?.rating ?? null);
  if (done !== null) {
    return (
      <div class="card inline center">
        <span class="csat-done">{CSAT[done - 1]}</span>
        <p>{t.csatThanks}</p>
      </div>
    );
  }
  return (
    <div class="card inline csat">
      <strong>{message.content || t.csatTitle}</strong>
      <div class="csat-row" role="radiogroup" aria-label={t.csatTitle}>
        {CSAT.map((face, i) => (
          <button key={face} type="button" role="radio" aria-checked={rating === i + 1} aria-label={String(i + 1)} class={rating === i + 1 ? 'on' : ''} onClick={() => setRating(i + 1)}>
            {face}
          </button>
        ))}
      </div>
      {rating !== null && (
        <>
          <textarea rows={2} placeholder={t.csatComment} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          <button
            class="primary small"
            onClick={() =>
              void api
                .answer(message.id, { message: { submitted_values: { csat_survey_response: { rating, feedback_message: comment.trim() } } } })
                .then(() => setDone(rating))
                .catch(() => undefined)
            }
          >
            {t.csatSubmit}
          </button>
        </>
      )}
    </div>
  );
}

render(<App />, document.getElementById('app')!);
