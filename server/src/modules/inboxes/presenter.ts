import type { InboxRow } from './repository';

/** A value for a `<script>` block: JSON, with `<` escaped so no string can close the block. */
const scriptValue = (value: string) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The snippet a website pastes to load the widget, in the shape of Chatwoot's, so the same
 * customisation (`window.chatwootSettings`) and SDK call work.
 */
export function webWidgetScript(frontendUrl: string, websiteToken: string): string {
  return `<script>
  window.chatwootSettings = { position: "right", type: "standard", launcherTitle: "" };
  (function (d, t) {
    var BASE_URL = ${scriptValue(frontendUrl)};
    var g = d.createElement(t), s = d.getElementsByTagName(t)[0];
    g.src = BASE_URL + "/packs/js/sdk.js";
    g.defer = true;
    g.async = true;
    s.parentNode.insertBefore(g, s);
    g.onload = function () {
      window.chatwootSDK.run({ websiteToken: ${scriptValue(websiteToken)}, baseUrl: BASE_URL });
    };
  })(document, "script");
</script>
`;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const object = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * An inbox as the contract's `inbox` (Chatwoot's field names and channel types). Fields of other
 * channel kinds are null. The HMAC token is shown to administrators only, as in Chatwoot.
 */
export function presentInbox(inbox: InboxRow, options: { frontendUrl: string; administrator: boolean }) {
  const c = inbox.channelConfig;
  const widget = inbox.channelType === 'web_widget';
  return {
    id: inbox.id,
    account_id: inbox.accountId,
    // Channels have no table of their own: the inbox is the channel.
    channel_id: inbox.id,
    name: inbox.name,
    channel_type: widget ? ('Channel::WebWidget' as const) : ('Channel::Api' as const),
    avatar_url: inbox.avatarUrl ?? '',
    greeting_enabled: inbox.greetingEnabled,
    greeting_message: inbox.greetingMessage,
    working_hours_enabled: inbox.workingHoursEnabled,
    enable_email_collect: inbox.enableEmailCollect,
    csat_survey_enabled: inbox.csatSurveyEnabled,
    enable_auto_assignment: inbox.enableAutoAssignment,
    auto_assignment_config: inbox.autoAssignmentConfig,
    out_of_office_message: inbox.outOfOfficeMessage,
    working_hours: inbox.workingHours.map((d) => ({ ...d, open_all_day: d.open_all_day ?? false })),
    timezone: inbox.timezone,
    callback_webhook_url: null,
    allow_messages_after_resolved: inbox.allowMessagesAfterResolved,
    lock_to_single_conversation: inbox.lockToSingleConversation,
    sender_name_type: inbox.senderNameType,
    business_name: inbox.businessName,
    widget_color: widget ? text(c.widget_color) : null,
    website_url: widget ? text(c.website_url) : null,
    hmac_mandatory: c.hmac_mandatory === true,
    welcome_title: widget ? text(c.welcome_title) : null,
    welcome_tagline: widget ? text(c.welcome_tagline) : null,
    web_widget_script: widget ? webWidgetScript(options.frontendUrl, inbox.channelIdentifier) : null,
    website_token: widget ? inbox.channelIdentifier : null,
    selected_feature_flags: widget && Array.isArray(c.selected_feature_flags) ? (c.selected_feature_flags as string[]) : null,
    reply_time: widget ? text(c.reply_time) : null,
    allowed_domains: widget ? (text(c.allowed_domains) ?? '') : null,
    messaging_service_sid: null,
    phone_number: null,
    medium: null,
    provider: null,
    ...(options.administrator ? { hmac_token: inbox.hmacToken } : {}),
    ...(widget
      ? {
          pre_chat_form_enabled: c.pre_chat_form_enabled === true,
          pre_chat_form_options: object(c.pre_chat_form_options),
          continuity_via_email: c.continuity_via_email !== false,
        }
      : {
          webhook_url: text(c.webhook_url),
          inbox_identifier: inbox.channelIdentifier,
          additional_attributes: object(c.additional_attributes),
        }),
  };
}
