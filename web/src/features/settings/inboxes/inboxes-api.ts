import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Agent } from '../../../lib/api-types';
import { settingsKeys } from '../shared/settings-keys';
import type { PreChatField } from './pre-chat-fields';
import type { WorkingHour } from './business-hours';

export const REPLY_TIMES = ['in_a_few_minutes', 'in_a_few_hours', 'in_a_day'] as const;
export type ReplyTime = (typeof REPLY_TIMES)[number];

export type SettingsInbox = {
  id: number;
  name: string;
  channel_type: 'Channel::WebWidget' | 'Channel::Api';
  greeting_enabled: boolean;
  greeting_message: string | null;
  working_hours_enabled: boolean;
  working_hours: WorkingHour[];
  out_of_office_message: string | null;
  timezone: string;
  csat_survey_enabled: boolean;
  enable_auto_assignment: boolean;
  auto_assignment_config: { max_assignment_limit?: number | null };
  allow_messages_after_resolved: boolean;
  lock_to_single_conversation: boolean;
  widget_color: string | null;
  website_url: string | null;
  hmac_mandatory: boolean;
  welcome_title: string | null;
  welcome_tagline: string | null;
  web_widget_script: string | null;
  website_token: string | null;
  reply_time: ReplyTime | null;
  allowed_domains: string | null;
  hmac_token?: string;
  pre_chat_form_enabled?: boolean;
  pre_chat_form_options?: { pre_chat_message?: string | null; pre_chat_fields?: PreChatField[] };
  webhook_url?: string | null;
  inbox_identifier?: string;
};

export type ChannelInput = {
  website_url?: string;
  widget_color?: string;
  welcome_title?: string | null;
  welcome_tagline?: string | null;
  reply_time?: ReplyTime;
  pre_chat_form_enabled?: boolean;
  pre_chat_form_options?: { pre_chat_message: string | null; pre_chat_fields: PreChatField[] };
  allowed_domains?: string;
  hmac_mandatory?: boolean;
  webhook_url?: string | null;
};

export type InboxInput = {
  name?: string;
  channel?: ChannelInput;
  greeting_enabled?: boolean;
  greeting_message?: string | null;
  csat_survey_enabled?: boolean;
  enable_auto_assignment?: boolean;
  auto_assignment_config?: { max_assignment_limit: number | null };
  working_hours_enabled?: boolean;
  working_hours?: WorkingHour[];
  out_of_office_message?: string | null;
  timezone?: string;
  allow_messages_after_resolved?: boolean;
  lock_to_single_conversation?: boolean;
};

export type InboxCreate = InboxInput & { name: string; channel: ChannelInput & { type: 'web_widget' | 'api' } };

const inboxesPath = (accountId: number) => `/api/v1/accounts/${accountId}/inboxes`;

export const isWebsite = (inbox: Pick<SettingsInbox, 'channel_type'>) => inbox.channel_type === 'Channel::WebWidget';

export const useSettingsInboxes = (accountId: number) =>
  useQuery({
    queryKey: settingsKeys.inboxes(accountId),
    queryFn: () => api.get<{ payload: SettingsInbox[] }>(inboxesPath(accountId)),
    select: (data) => data.payload,
  });

export const useSettingsInbox = (accountId: number, inboxId: number) =>
  useQuery({ queryKey: settingsKeys.inbox(accountId, inboxId), queryFn: () => api.get<SettingsInbox>(`${inboxesPath(accountId)}/${inboxId}`) });

export const useInboxMembers = (accountId: number, inboxId: number) =>
  useQuery({
    queryKey: settingsKeys.inboxMembers(accountId, inboxId),
    queryFn: () => api.get<{ payload: Agent[] }>(`/api/v1/accounts/${accountId}/inbox_members/${inboxId}`),
    select: (data) => data.payload,
  });

export const createInbox = (accountId: number, body: InboxCreate) => api.post<SettingsInbox>(inboxesPath(accountId), body);
export const updateInbox = (accountId: number, inboxId: number, body: InboxInput) => api.patch<SettingsInbox>(`${inboxesPath(accountId)}/${inboxId}`, body);
export const deleteInbox = (accountId: number, inboxId: number) => api.delete<unknown>(`${inboxesPath(accountId)}/${inboxId}`);
/** Sets the inbox's agents to exactly these. */
export const setInboxMembers = (accountId: number, inboxId: number, userIds: number[]) =>
  api.patch<{ payload: Agent[] }>(`/api/v1/accounts/${accountId}/inbox_members`, { inbox_id: inboxId, user_ids: userIds });
