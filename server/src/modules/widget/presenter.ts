import type { AppContext } from '../../context';
import { seesContactDetails, type SessionView } from '../contacts/session-privacy';
import type { PublicMessageJson } from '../client-api/presenter';
import type { MemberRow } from '../accounts/service';
import type { ConversationRow } from '../conversations/service';
import type { InboxRow } from '../inboxes/service';
import { unixSeconds } from '../../platform/time';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const object = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Whether the inbox is within its working hours now (always, when it keeps none). */
export function openNow(inbox: InboxRow, now = new Date()): boolean {
  if (!inbox.workingHoursEnabled) return true;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: inbox.timezone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  const minutes = Number(part('hour')) * 60 + Number(part('minute'));
  const today = inbox.workingHours.find((d) => d.day_of_week === day);
  if (!today || today.closed_all_day) return false;
  if (today.open_all_day) return true;
  const opens = (today.open_hour ?? 0) * 60 + (today.open_minutes ?? 0);
  const closes = (today.close_hour ?? 0) * 60 + (today.close_minutes ?? 0);
  return minutes >= opens && minutes < closes;
}

/** The visitor as the widget sees themselves (no session secrets: the pubsub token is in the config). */
export function presentWidgetContact(session: SessionView) {
  const contact = session.contact;
  if (!seesContactDetails(session)) {
    // `details_hidden`: the contact has details the session may not see (the widget does not ask again for an email).
    return { id: contact.id, name: '', email: null, phone_number: null, identifier: null, avatar_url: '', custom_attributes: {}, details_hidden: true };
  }
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone_number: contact.phoneNumber,
    identifier: contact.identifier,
    avatar_url: contact.avatarUrl ?? '',
    custom_attributes: contact.customAttributes,
    details_hidden: false,
  };
}

/** A message as the session sees it: the contact's own name and picture only when it may see them. */
export function presentWidgetMessage(session: SessionView, message: PublicMessageJson): PublicMessageJson {
  if (message.sender?.type !== 'contact' || seesContactDetails(session)) return message;
  return { ...message, sender: { id: message.sender.id, name: '', thumbnail: '', type: 'contact' } };
}

type Session = SessionView & { contactInbox: { pubsubToken: string } };

/** Everything the widget needs to draw itself (Chatwoot's `website_channel_config` and more). */
export function presentWidgetConfig(ctx: Pick<AppContext, 'config'>, inbox: InboxRow, online: MemberRow[], session: Session | undefined) {
  const c = inbox.channelConfig;
  return {
    website_channel_config: {
      website_token: inbox.channelIdentifier,
      website_name: inbox.name,
      inbox_id: inbox.id,
      avatar_url: inbox.avatarUrl ?? '',
      widget_color: text(c.widget_color) ?? '#1f93ff',
      welcome_title: text(c.welcome_title),
      welcome_tagline: text(c.welcome_tagline),
      reply_time: text(c.reply_time) ?? 'in_a_few_minutes',
      enabled_features: Array.isArray(c.selected_feature_flags) ? (c.selected_feature_flags as string[]) : [],
      pre_chat_form_enabled: c.pre_chat_form_enabled === true,
      pre_chat_form_options: object(c.pre_chat_form_options),
      hmac_mandatory: c.hmac_mandatory === true,
      working_hours_enabled: inbox.workingHoursEnabled,
      working_hours: inbox.workingHours,
      timezone: inbox.timezone,
      out_of_office_message: inbox.outOfOfficeMessage,
      greeting_enabled: inbox.greetingEnabled,
      greeting_message: inbox.greetingMessage,
      enable_email_collect: inbox.enableEmailCollect,
      csat_survey_enabled: inbox.csatSurveyEnabled,
      allow_messages_after_resolved: inbox.allowMessagesAfterResolved,
      is_open: openNow(inbox),
    },
    available_agents: online.map((m) => ({ id: m.user.id, name: m.user.displayName || m.user.name, avatar_url: m.user.avatarUrl ?? '', availability_status: 'online' })),
    contact: session ? { ...presentWidgetContact(session), pubsub_token: session.contactInbox.pubsubToken, hmac_verified: session.contactInbox.hmacVerified } : null,
    global_config: { base_url: ctx.config.frontendUrl },
  };
}

/** The visitor's conversation with its latest public messages. */
export function presentWidgetConversation(conversation: ConversationRow, session: SessionView, messages: PublicMessageJson[]) {
  const contact = presentWidgetContact(session);
  return {
    id: conversation.displayId,
    uuid: conversation.uuid,
    inbox_id: conversation.inboxId,
    status: conversation.status,
    contact_last_seen_at: unixSeconds(conversation.contactLastSeenAt),
    agent_last_seen_at: unixSeconds(conversation.agentLastSeenAt),
    created_at: unixSeconds(conversation.createdAt),
    custom_attributes: conversation.customAttributes,
    messages,
    contact: { id: contact.id, name: contact.name, email: contact.email, phone_number: contact.phone_number, details_hidden: contact.details_hidden },
  };
}
