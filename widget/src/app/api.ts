// The widget API client: the website token on every call, the visitor token in X-Auth-Token.
export type Message = {
  id: number;
  content: string | null;
  message_type: number;
  content_type: string;
  content_attributes: Record<string, unknown>;
  created_at: number;
  conversation_id: number;
  status?: string;
  attachments: { id: number; file_type: string; data_url: string; thumb_url?: string; file_name?: string; extension?: string | null }[];
  sender: { id?: number; name?: string; thumbnail?: string; type?: string } | null;
  echo_id?: string;
};
export type Conversation = { id: number; status: string; agent_last_seen_at: number | null; messages: Message[]; contact: { email: string | null } };
/** `details_hidden`: the session joined a known contact without proof and sees none of its details. */
export type Contact = { id: number; name: string; email: string | null; phone_number: string | null; details_hidden?: boolean; pubsub_token?: string };
export type Agent = { id: number; name: string; avatar_url: string };
export type Config = {
  website_channel_config: {
    website_name: string;
    avatar_url: string;
    widget_color: string;
    welcome_title: string | null;
    welcome_tagline: string | null;
    reply_time: string;
    enabled_features: string[];
    pre_chat_form_enabled: boolean;
    pre_chat_form_options: Record<string, unknown>;
    out_of_office_message: string | null;
    greeting_enabled: boolean;
    greeting_message: string | null;
    enable_email_collect: boolean;
    csat_survey_enabled: boolean;
    is_open: boolean;
  };
  available_agents: Agent[];
  contact: (Contact & { pubsub_token: string }) | null;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function createApi(websiteToken: string, initialToken: string | null, onToken: (token: string) => void) {
  let token = initialToken;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers['X-Auth-Token'] = token;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`/api/v1/widget${path}${path.includes('?') ? '&' : '?'}website_token=${encodeURIComponent(websiteToken)}`, { method, headers, body: payload });
    const json = (await res.json().catch(() => null)) as (Record<string, unknown> & { widget_auth_token?: string }) | null;
    if (!res.ok) throw new ApiError(res.status, String(json?.code ?? 'error'), String(json?.message ?? res.statusText));
    if (json && typeof json.widget_auth_token === 'string') {
      token = json.widget_auth_token;
      onToken(token);
    }
    return json as T;
  }
  return {
    hasToken: () => token !== null,
    forget: () => {
      token = null;
    },
    config: () => call<Config>('GET', '/config'),
    conversation: () => call<Conversation | null>('GET', '/conversations'),
    startConversation: (body: { contact?: Record<string, string>; message?: { content: string }; custom_attributes?: Record<string, unknown> }) =>
      call<Conversation & { contact: Contact }>('POST', '/conversations', body),
    messages: (before?: number) => call<Message[]>('GET', `/messages${before ? `?before=${before}` : ''}`),
    send: (content: string, echoId: string) => call<Message>('POST', '/messages', { message: { content, echo_id: echoId } }),
    sendFile: (file: File, content: string) => {
      const form = new FormData();
      if (content) form.append('message[content]', content);
      form.append('message[attachments][]', file);
      return call<Message>('POST', '/messages', form);
    },
    typing: (on: boolean) => call('POST', '/conversations/toggle_typing', { typing_status: on ? 'on' : 'off' }),
    seen: () => call('POST', '/conversations/update_last_seen'),
    end: () => call<Conversation>('POST', '/conversations/toggle_status'),
    transcript: () => call('POST', '/conversations/transcript', {}),
    contact: () => call<Contact>('GET', '/contact'),
    updateContact: (fields: Record<string, unknown>) => call<Contact>('PATCH', '/contact', fields),
    setUser: (identifier: string, user: Record<string, unknown>) => call<Contact>('PATCH', '/contact/set_user', { ...user, identifier }),
    deleteContactAttribute: (key: string) => call<Contact>('POST', '/contact/destroy_custom_attributes', { custom_attributes: [key] }),
    setConversationAttributes: (attributes: Record<string, unknown>) => call('POST', '/conversations/set_custom_attributes', { custom_attributes: attributes }),
    addLabel: (label: string) => call('POST', '/labels', { label }),
    removeLabel: (label: string) => call('DELETE', `/labels/${encodeURIComponent(label)}`),
    answer: (id: number, body: Record<string, unknown>) => call<Message>('PATCH', `/messages/${id}`, body),
  };
}
export type Api = ReturnType<typeof createApi>;
