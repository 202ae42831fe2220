import type { ChannelInput, ReplyTime, SettingsInbox } from './inboxes-api';
import type { PreChatField } from './pre-chat-fields';

/** What the website-channel form edits, as typed. */
export type WidgetForm = {
  websiteUrl: string;
  color: string;
  welcomeTitle: string;
  welcomeTagline: string;
  replyTime: ReplyTime;
  allowedDomains: string;
  hmacMandatory: boolean;
  preChatEnabled: boolean;
  preChatMessage: string;
  /** Undefined until the fields are shown (they need the custom attributes). */
  preChatFields: PreChatField[] | undefined;
};

export function widgetFormFrom(inbox: SettingsInbox | null): WidgetForm {
  return {
    websiteUrl: inbox?.website_url ?? '',
    color: inbox?.widget_color ?? '#1f93ff',
    welcomeTitle: inbox?.welcome_title ?? '',
    welcomeTagline: inbox?.welcome_tagline ?? '',
    replyTime: inbox?.reply_time ?? 'in_a_few_minutes',
    allowedDomains: (inbox?.allowed_domains ?? '').split(',').filter(Boolean).join('\n'),
    hmacMandatory: inbox?.hmac_mandatory ?? false,
    preChatEnabled: inbox?.pre_chat_form_enabled ?? false,
    preChatMessage: inbox?.pre_chat_form_options?.pre_chat_message ?? '',
    preChatFields: undefined,
  };
}

/** The channel part of the request. Blank texts clear; pre-chat fields are sent only once shown. */
export function channelFromWidgetForm(form: WidgetForm): ChannelInput {
  return {
    website_url: form.websiteUrl.trim(),
    widget_color: form.color.trim(),
    welcome_title: form.welcomeTitle.trim() || null,
    welcome_tagline: form.welcomeTagline.trim() || null,
    reply_time: form.replyTime,
    allowed_domains: form.allowedDomains,
    hmac_mandatory: form.hmacMandatory,
    pre_chat_form_enabled: form.preChatEnabled,
    ...(form.preChatFields
      ? { pre_chat_form_options: { pre_chat_message: form.preChatMessage.trim() || null, pre_chat_fields: form.preChatFields } }
      : {}),
  };
}
