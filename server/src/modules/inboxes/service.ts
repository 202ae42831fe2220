import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import type { AccountRole, ChannelConfig, ChannelType, WorkingHour } from '../../db/schema';
import { invalidField, notFound } from '../../platform/errors';
import { randomToken } from '../../platform/tokens';
import * as accounts from '../accounts/service';
import { removeAttachmentsOfScope } from '../attachments/service';
import { inboxAccessChanged } from '../realtime/service';
import { canAccessInbox, inboxAccess } from './access';
import * as repository from './repository';
import {
  apiChannelFields,
  type ChannelInput,
  type InboxSettingsInput,
  widgetChannelFields,
  type WorkingHourInput,
} from './schemas';

export type { InboxRow } from './repository';

export const findInbox = repository.findInbox;

type Membership = { accountId: number; userId: number; role: AccountRole };

/** Which `channel` fields each kind of inbox takes. */
const CHANNEL_FIELDS: Record<ChannelType, string[]> = {
  web_widget: [...Object.keys(widgetChannelFields), 'hmac_mandatory'],
  api: [...Object.keys(apiChannelFields), 'hmac_mandatory'],
};

const CHANNEL_DEFAULTS: Record<ChannelType, ChannelConfig> = {
  web_widget: {
    website_url: null,
    widget_color: '#1f93ff',
    welcome_title: null,
    welcome_tagline: null,
    reply_time: 'in_a_few_minutes',
    hmac_mandatory: false,
    pre_chat_form_enabled: false,
    pre_chat_form_options: {},
    continuity_via_email: true,
    selected_feature_flags: ['attachments', 'emoji_picker', 'end_conversation'],
    allowed_domains: '',
  },
  api: { webhook_url: null, hmac_mandatory: false, additional_attributes: {} },
};

/** Chatwoot's default week: Monday to Friday 9:00–17:00, closed on weekends. */
function defaultWorkingHours(): WorkingHour[] {
  return [0, 1, 2, 3, 4, 5, 6].map((day) =>
    day === 0 || day === 6
      ? closedDay(day)
      : { day_of_week: day, closed_all_day: false, open_all_day: false, open_hour: 9, open_minutes: 0, close_hour: 17, close_minutes: 0 },
  );
}

function closedDay(day: number): WorkingHour {
  return { day_of_week: day, closed_all_day: true, open_all_day: false, open_hour: null, open_minutes: null, close_hour: null, close_minutes: null };
}

function workingHour(input: WorkingHourInput): WorkingHour {
  if (input.closed_all_day) return closedDay(input.day_of_week);
  if (input.open_all_day) {
    return { day_of_week: input.day_of_week, closed_all_day: false, open_all_day: true, open_hour: 0, open_minutes: 0, close_hour: 23, close_minutes: 59 };
  }
  return {
    day_of_week: input.day_of_week,
    closed_all_day: false,
    open_all_day: false,
    open_hour: input.open_hour ?? null,
    open_minutes: input.open_minutes ?? 0,
    close_hour: input.close_hour ?? null,
    close_minutes: input.close_minutes ?? 0,
  };
}

/** The given days replace those days of the current week; the other days stay as they are. */
function mergeWorkingHours(current: WorkingHour[], days: WorkingHourInput[]): WorkingHour[] {
  const byDay = new Map(current.map((d) => [d.day_of_week, d]));
  for (const day of days) byDay.set(day.day_of_week, workingHour(day));
  return [...byDay.values()].sort((a, b) => a.day_of_week - b.day_of_week);
}

/** The stored channel settings after applying `input`; a field of the other kind of channel is a 422. */
function applyChannel(kind: ChannelType, current: ChannelConfig, input: ChannelInput): ChannelConfig {
  const next = { ...current };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || key === 'type') continue;
    if (!CHANNEL_FIELDS[kind].includes(key)) {
      throw invalidField(`channel.${key}`, `does not apply to ${kind} inboxes`, 'not_applicable');
    }
    next[key] = value;
  }
  return next;
}

function settingsPatch(input: InboxSettingsInput, currentHours: WorkingHour[]): Partial<repository.NewInbox> {
  const patch: Partial<repository.NewInbox> = {
    greetingEnabled: input.greeting_enabled,
    greetingMessage: input.greeting_message,
    enableEmailCollect: input.enable_email_collect,
    csatSurveyEnabled: input.csat_survey_enabled,
    enableAutoAssignment: input.enable_auto_assignment,
    autoAssignmentConfig: input.auto_assignment_config,
    workingHoursEnabled: input.working_hours_enabled,
    workingHours: input.working_hours && mergeWorkingHours(currentHours, input.working_hours),
    outOfOfficeMessage: input.out_of_office_message,
    timezone: input.timezone,
    allowMessagesAfterResolved: input.allow_messages_after_resolved,
    lockToSingleConversation: input.lock_to_single_conversation,
    senderNameType: input.sender_name_type,
    businessName: input.business_name,
  };
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}

/** The inboxes the member may see: all for administrators, their own for agents. */
export async function listInboxes(ctx: AppContext, membership: Membership) {
  const access = await inboxAccess(ctx.db, membership);
  return repository.listInboxes(ctx.db, membership.accountId, access.all ? undefined : access.inboxIds);
}

/** One inbox the member may see; any other answers 404, as if it did not exist. */
export async function getInbox(ctx: AppContext, membership: Membership, inboxId: number) {
  const inbox = await repository.findInbox(ctx.db, membership.accountId, inboxId);
  if (!inbox || !canAccessInbox(await inboxAccess(ctx.db, membership), inbox.id)) throw notFound('Inbox');
  return inbox;
}

export type CreateInboxInput = {
  accountId: number;
  name: string;
  channel: ChannelInput & { type: ChannelType };
  settings?: InboxSettingsInput;
};

/**
 * Creates a website or API inbox. Its public identifier (the website token of a widget, the inbox
 * identifier of an API channel) and its HMAC secret are random; neither changes later.
 */
export async function createInbox(ctx: AppContext, input: CreateInboxInput) {
  const kind = input.channel.type;
  const channelConfig = applyChannel(kind, CHANNEL_DEFAULTS[kind], input.channel);
  if (kind === 'web_widget' && !channelConfig.website_url) {
    throw invalidField('channel.website_url', 'is required for a web_widget inbox', 'required');
  }
  const workingHours = defaultWorkingHours();
  return ctx.transaction((tx) =>
    repository.insertInbox(tx, {
      accountId: input.accountId,
      name: input.name,
      channelType: kind,
      channelIdentifier: randomToken(18),
      hmacToken: randomToken(24),
      channelConfig,
      workingHours,
      ...settingsPatch(input.settings ?? {}, workingHours),
    }),
  );
}

export type UpdateInboxInput = { name?: string | undefined; channel?: ChannelInput | undefined; settings?: InboxSettingsInput };

export async function updateInbox(ctx: AppContext, accountId: number, inboxId: number, input: UpdateInboxInput) {
  return ctx.transaction(async (tx) => {
    const inbox = await repository.lockInbox(tx, accountId, inboxId);
    if (!inbox) throw notFound('Inbox');
    const channelConfig = input.channel ? applyChannel(inbox.channelType, inbox.channelConfig, input.channel) : inbox.channelConfig;
    if (inbox.channelType === 'web_widget' && !channelConfig.website_url) {
      throw invalidField('channel.website_url', 'is required for a web_widget inbox', 'required');
    }
    const updated = await repository.updateInbox(tx, accountId, inboxId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      channelConfig,
      ...settingsPatch(input.settings ?? {}, inbox.workingHours),
    });
    if (!updated) throw notFound('Inbox');
    return updated;
  });
}

/** Deletes an inbox with its conversations and messages. */
export async function deleteInbox(ctx: AppContext, accountId: number, inboxId: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    if (!(await repository.findInbox(tx, accountId, inboxId))) throw notFound('Inbox');
    await removeAttachmentsOfScope(ctx, tx, { accountId, inboxId });
    if (!(await repository.deleteInbox(tx, accountId, inboxId))) throw notFound('Inbox');
  });
  inboxAccessChanged(ctx, accountId);
}

/** The agents of an inbox (members of the account only), for anyone who may see the inbox. */
export async function listInboxMembers(ctx: AppContext, membership: Membership, inboxId: number) {
  const inbox = await getInbox(ctx, membership, inboxId);
  return membersOf(ctx.db, inbox.accountId, inbox.id);
}

/** The agents of an inbox (system use: the widget shows who is online). */
export const agentsOfInbox = (db: Executor, accountId: number, inboxId: number) => membersOf(db, accountId, inboxId);

async function membersOf(db: Executor, accountId: number, inboxId: number) {
  const ids = new Set(await repository.listInboxMemberIds(db, inboxId));
  return (await accounts.listMembers(db, accountId)).filter((m) => ids.has(m.userId));
}

/** Refuses user ids that are not members of the account (422 on `user_ids`). */
export async function requireAccountMembers(db: Executor, accountId: number, userIds: number[]): Promise<number[]> {
  const members = new Set((await accounts.listMembers(db, accountId)).map((m) => m.userId));
  const strangers = [...new Set(userIds)].filter((userId) => !members.has(userId));
  if (strangers.length > 0) {
    throw invalidField('user_ids', `${strangers.join(', ')} ${strangers.length === 1 ? 'is not a member' : 'are not members'} of this account`, 'not_a_member');
  }
  return [...new Set(userIds)];
}

export type MembersChange = 'add' | 'replace' | 'remove';

/** Adds agents to an inbox, replaces its agents with exactly these, or removes these. */
export async function changeInboxMembers(ctx: AppContext, accountId: number, inboxId: number, change: MembersChange, userIds: number[]) {
  const members = await ctx.transaction(async (tx) => {
    const inbox = await repository.lockInbox(tx, accountId, inboxId);
    if (!inbox) throw notFound('Inbox');
    const ids = await requireAccountMembers(tx, accountId, userIds);
    if (change === 'remove') await repository.removeInboxMembers(tx, inbox.id, ids);
    else {
      if (change === 'replace') await repository.removeInboxMembersExcept(tx, inbox.id, ids);
      await repository.addInboxMembers(tx, accountId, inbox.id, ids);
    }
    return membersOf(tx, accountId, inbox.id);
  });
  // Who may see this inbox's conversations live changed: every node forgets what it cached.
  inboxAccessChanged(ctx, accountId);
  return members;
}

export const removeUserFromInboxes = repository.deleteMembershipsOfUser;

export const findByChannelIdentifier = repository.findByChannelIdentifier;
