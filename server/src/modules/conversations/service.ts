import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import type { ConversationStatus } from '../../db/schema';
import { invalidField, notFound } from '../../platform/errors';
import { randomToken } from '../../platform/tokens';
import * as accounts from '../accounts/service';
import { validateValues } from '../custom-attributes/service';
import { canAccessInbox, inboxAccess, type InboxAccess } from '../inboxes/access';
import { type ActivityTexts, labelList } from './activity-texts';
import { recordActivity, textsFor } from './activity';
import { type FilterCondition, filterCondition } from './filter-sql';
import { contactReadEvent, contactStatusEvent, conversationEvent } from './events';
import type { Member } from './member';
import { presentAssignee, presentConversation, presentTeam, presentUserSender, PRIORITY_NAMES } from './presenter';
import * as repository from './repository';
import type { AssigneeFilter, ConversationRow, ConversationScope, SortKey } from './repository';

export type { ConversationRow } from './repository';
export const PAGE_SIZE = 25;

export async function presentOne(db: Executor, conversation: ConversationRow) {
  return presentConversation(conversation, await repository.loadRelated(db, [conversation]));
}

export async function presentMany(db: Executor, rows: ConversationRow[]) {
  const related = await repository.loadRelated(db, rows);
  return rows.map((row) => presentConversation(row, related));
}

/** The conversation, if the member may see it; 404 otherwise (even when it exists). */
export async function findForMember(db: Executor, member: Member, displayId: number, options: { lock?: boolean; access?: InboxAccess } = {}) {
  const conversation = await repository.findByDisplayId(db, member.accountId, displayId, options.lock);
  const access = options.access ?? (await inboxAccess(db, member));
  if (!conversation || !canAccessInbox(access, conversation.inboxId)) throw notFound('Conversation');
  return conversation;
}

export async function getConversation(ctx: AppContext, member: Member, displayId: number) {
  return presentOne(ctx.db, await findForMember(ctx.db, member, displayId));
}

export type ListQuery = {
  assigneeType?: 'me' | 'unassigned' | 'assigned' | 'all' | undefined;
  status?: ConversationStatus | 'all' | undefined;
  inboxId?: number | undefined;
  teamId?: number | undefined;
  labels?: string[] | undefined;
  conversationType?: 'mention' | 'participating' | 'unattended' | undefined;
  sortBy?: SortKey | undefined;
  page?: number | undefined;
  updatedAfter?: Date | undefined;
};

async function scopeFor(db: Executor, member: Member, query: ListQuery): Promise<ConversationScope> {
  const access = await inboxAccess(db, member);
  return {
    accountId: member.accountId,
    inboxIds: access.all ? undefined : access.inboxIds,
    status: query.status ?? 'open',
    inboxId: query.inboxId,
    teamId: query.teamId,
    labels: query.labels,
    mentionedUserId: query.conversationType === 'mention' ? member.userId : undefined,
    participantUserId: query.conversationType === 'participating' ? member.userId : undefined,
    unattended: query.conversationType === 'unattended',
    updatedAfter: query.updatedAfter,
  };
}

function assigneeFilter(member: Member, type: ListQuery['assigneeType']): AssigneeFilter {
  if (type === 'me') return { kind: 'me', userId: member.userId };
  if (type === 'unassigned') return { kind: 'unassigned' };
  if (type === 'assigned') return { kind: 'assigned' };
  return { kind: 'all' };
}

function countsJson(counts: Awaited<ReturnType<typeof repository.countByAssignee>>) {
  return { mine_count: counts.mine, unassigned_count: counts.unassigned, assigned_count: counts.assigned, all_count: counts.all };
}

/** A page of conversations with the counts of every assignee tab, as Chatwoot's list answers. */
export async function listConversations(ctx: AppContext, member: Member, query: ListQuery) {
  const scope = await scopeFor(ctx.db, member, query);
  const page = Math.max(1, query.page ?? 1);
  const [rows, counts] = await Promise.all([
    repository.listConversations(ctx.db, scope, assigneeFilter(member, query.assigneeType), query.sortBy ?? 'last_activity_at_desc', {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    repository.countByAssignee(ctx.db, scope, member.userId),
  ]);
  return { data: { meta: countsJson(counts), payload: await presentMany(ctx.db, rows) } };
}

export async function conversationCounts(ctx: AppContext, member: Member, query: ListQuery) {
  const scope = await scopeFor(ctx.db, member, query);
  return { meta: countsJson(await repository.countByAssignee(ctx.db, scope, member.userId)) };
}

/**
 * Runs a change to one conversation in a transaction: locks it, checks the member may see it,
 * and after `change` records the events it names with the conversation as it ends up.
 */
async function changeConversation(
  ctx: AppContext,
  member: Member,
  displayId: number,
  change: (
    tx: Executor,
    conversation: ConversationRow,
  ) => Promise<{ conversation: ConversationRow; events: string[]; extras?: Record<string, Record<string, unknown>> }>,
) {
  return ctx.transaction(async (tx) => {
    const current = await findForMember(tx, member, displayId, { lock: true });
    const { conversation, events, extras } = await change(tx, current);
    return { conversation, json: await recordChangeEvents(ctx, tx, conversation, events, extras) };
  });
}

/** Writes the events a change names, with the conversation as it ends up (and the contact's status event). */
async function recordChangeEvents(
  ctx: AppContext,
  tx: Executor,
  conversation: ConversationRow,
  events: string[],
  extras?: Record<string, Record<string, unknown>>,
) {
  const related = await repository.loadRelated(tx, [conversation]);
  const json = presentConversation(conversation, related);
  for (const name of events) {
    const extra = extras?.[name];
    await ctx.outbox.record(tx, conversationEvent(name, conversation, extra ? { ...json, ...extra } : json));
  }
  const contactInbox = conversation.contactInboxId === null ? undefined : related.contactInboxes.get(conversation.contactInboxId);
  const contactEvents = [
    events.includes('conversation.status_changed') ? contactStatusEvent(conversation, contactInbox?.pubsubToken ?? null) : undefined,
    events.includes('conversation.read') ? contactReadEvent(conversation, contactInbox?.pubsubToken ?? null) : undefined,
  ];
  for (const contactEvent of contactEvents) if (contactEvent) await ctx.outbox.record(tx, contactEvent);
  return json;
}

// ——— changes the system makes (auto-assignment, auto-resolve): no member, the caller's transaction ———

/** The conversation row by id or by display id (system use: no access check). */
export const findRowById = (db: Executor, conversationId: number) => repository.findById(db, conversationId);
/** The conversation with this public uuid (the CSAT survey page's link), locked when asked; system use. */
export const findRowByUuid = (db: Executor, uuid: string, lock = false) => repository.findByUuid(db, uuid, lock);
export const findRowByDisplayId = (db: Executor, accountId: number, displayId: number) => repository.findByDisplayId(db, accountId, displayId);

/** The conversation by id, locked until the caller's transaction ends (system use: no access check). */
export async function lockById(tx: Executor, conversationId: number) {
  return repository.findById(tx, conversationId, true);
}

/**
 * Auto-assignment gives the (locked) conversation to an agent the caller chose: the same writes,
 * activity line and events as an agent's assignment.
 */
export async function assignBySystem(ctx: AppContext, tx: Executor, current: ConversationRow, assigneeId: number): Promise<ConversationRow> {
  const assignee = await accounts.findMember(tx, current.accountId, assigneeId);
  if (!assignee) throw new Error(`auto-assignment: ${assigneeId} is not a member of account ${current.accountId}`);
  const conversation = await repository.updateConversation(tx, current.id, { assigneeId, assigneeLastSeenAt: null });
  await repository.addParticipants(tx, current.accountId, conversation.id, [assigneeId]);
  const texts = await textsFor(tx, current.accountId);
  await recordActivity(ctx, tx, conversation, texts.autoAssigned({ assignee: presentUserSender(assignee.user).available_name }));
  await recordChangeEvents(ctx, tx, conversation, ['assignee.changed', 'conversation.updated']);
  return conversation;
}

/** Inactivity as the activity line says it: "3 dias", "1 hour", "90 minutes". */
function durationText(texts: ActivityTexts, minutes: number): string {
  const [count, unit] =
    minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  const name = count === 1 ? texts.durations[unit as 'day' | 'hour' | 'minute'] : texts.durations[`${unit}s` as 'days' | 'hours' | 'minutes'];
  return `${count} ${name}`;
}

/**
 * Auto-resolve resolves the (locked) open conversation after `minutes` without activity, adding
 * `label` when given (the message, if any, is posted by the caller first).
 */
export async function resolveForInactivity(
  ctx: AppContext,
  tx: Executor,
  current: ConversationRow,
  input: { minutes: number; label?: string | null | undefined },
): Promise<ConversationRow> {
  const labels = input.label && !current.labels.includes(input.label) ? [...current.labels, input.label] : current.labels;
  const conversation = await repository.updateConversation(tx, current.id, { status: 'resolved', snoozedUntil: null, waitingSince: null, labels });
  const texts = await textsFor(tx, current.accountId);
  await recordActivity(ctx, tx, conversation, texts.autoResolved({ duration: durationText(texts, input.minutes) }));
  await recordChangeEvents(ctx, tx, conversation, ['conversation.status_changed']);
  return conversation;
}

export const REOPEN_SNOOZED_JOB = 'conversations.reopen-snoozed';

/** Open, resolve, mark pending or snooze (until a time, or until the contact's next message). */
export async function changeStatus(
  ctx: AppContext,
  member: Member,
  displayId: number,
  input: { status?: ConversationStatus | undefined; snoozedUntil?: Date | null | undefined },
) {
  if (input.snoozedUntil && input.snoozedUntil.getTime() <= Date.now()) {
    throw invalidField('snoozed_until', 'must be in the future', 'in_the_past');
  }
  const result = await changeConversation(ctx, member, displayId, async (tx, current) => {
    const status: ConversationStatus = input.status ?? (current.status === 'open' ? 'resolved' : 'open');
    const snoozedUntil = status === 'snoozed' ? (input.snoozedUntil ?? null) : null;
    if (status === current.status && snoozedUntil?.getTime() === current.snoozedUntil?.getTime()) {
      return { conversation: current, events: [] };
    }
    const conversation = await repository.updateConversation(tx, current.id, {
      status,
      snoozedUntil,
      ...(status === 'resolved' ? { waitingSince: null } : {}),
    });
    const texts = await textsFor(tx, member.accountId);
    const line = { open: texts.reopened, resolved: texts.resolved, pending: texts.pending, snoozed: texts.snoozed }[status];
    await recordActivity(ctx, tx, conversation, line({ actor: member.name }));
    return { conversation, events: ['conversation.status_changed'] };
  });
  if (result.conversation.status === 'snoozed' && result.conversation.snoozedUntil) {
    const seconds = Math.ceil((result.conversation.snoozedUntil.getTime() - Date.now()) / 1000);
    await ctx.jobs.send(REOPEN_SNOOZED_JOB, { conversationId: result.conversation.id }, { startAfterSeconds: Math.max(1, seconds) });
  }
  return result;
}

/** Reopens snoozed conversations whose time has come (a delayed job per snooze, and a sweep every minute). */
export async function reopenDueSnoozed(ctx: AppContext, conversationId?: number): Promise<number> {
  const due = conversationId === undefined ? await repository.listDueSnoozed(ctx.db, new Date(), 500) : [{ id: conversationId }];
  let reopened = 0;
  for (const { id } of due) {
    const done = await ctx.transaction(async (tx) => {
      const current = await repository.findById(tx, id, true);
      if (!current || current.status !== 'snoozed' || !current.snoozedUntil || current.snoozedUntil.getTime() > Date.now()) return false;
      const conversation = await repository.updateConversation(tx, id, { status: 'open', snoozedUntil: null });
      await recordActivity(ctx, tx, conversation, (await textsFor(tx, conversation.accountId)).snoozeEnded());
      const related = await repository.loadRelated(tx, [conversation]);
      await ctx.outbox.record(tx, conversationEvent('conversation.status_changed', conversation, presentConversation(conversation, related)));
      const contactInbox = conversation.contactInboxId === null ? undefined : related.contactInboxes.get(conversation.contactInboxId);
      const contactEvent = contactStatusEvent(conversation, contactInbox?.pubsubToken ?? null);
      if (contactEvent) await ctx.outbox.record(tx, contactEvent);
      return true;
    });
    if (done) reopened++;
  }
  return reopened;
}

const PRIORITY_VALUES = { none: null, low: 1, medium: 2, high: 3, urgent: 4 } as const;
export type PriorityName = keyof typeof PRIORITY_VALUES;

export async function changePriority(ctx: AppContext, member: Member, displayId: number, priorityName: PriorityName) {
  return changeConversation(ctx, member, displayId, async (tx, current) => {
    const priority = PRIORITY_VALUES[priorityName];
    if (priority === current.priority) return { conversation: current, events: [] };
    const conversation = await repository.updateConversation(tx, current.id, { priority });
    const texts = await textsFor(tx, member.accountId);
    const name = PRIORITY_NAMES[priority ?? 0];
    await recordActivity(
      ctx,
      tx,
      conversation,
      name ? texts.prioritySet({ actor: member.name, priority: texts.priorities[name] }) : texts.priorityRemoved({ actor: member.name }),
    );
    return { conversation, events: ['conversation.updated'] };
  });
}

/**
 * Assigns an agent (or unassigns with null) — or, when no agent is named, a team. The agent must
 * belong to the account and, unless an administrator, to the conversation's inbox.
 */
export async function assign(
  ctx: AppContext,
  member: Member,
  displayId: number,
  input: { assigneeId?: number | null | undefined; teamId?: number | null | undefined },
) {
  const result = await changeConversation(ctx, member, displayId, async (tx, current) => {
    const texts = await textsFor(tx, member.accountId);
    if (input.assigneeId !== undefined) {
      const assigneeId = input.assigneeId;
      if (assigneeId === current.assigneeId) return { conversation: current, events: [] };
      let assigneeName = '';
      if (assigneeId !== null) {
        const assignee = await accounts.findMember(tx, member.accountId, assigneeId);
        const access = assignee ? await inboxAccess(tx, { accountId: member.accountId, userId: assigneeId, role: assignee.role }) : undefined;
        if (!assignee || !access || !canAccessInbox(access, current.inboxId)) {
          throw invalidField('assignee_id', 'is not an agent of this inbox', 'not_found');
        }
        assigneeName = presentUserSender(assignee.user).available_name;
      }
      const conversation = await repository.updateConversation(tx, current.id, { assigneeId, assigneeLastSeenAt: null });
      if (assigneeId !== null) await repository.addParticipants(tx, member.accountId, conversation.id, [assigneeId]);
      const line =
        assigneeId === null
          ? texts.unassigned({ actor: member.name })
          : assigneeId === member.userId
            ? texts.selfAssigned({ actor: member.name })
            : texts.assigned({ actor: member.name, assignee: assigneeName });
      await recordActivity(ctx, tx, conversation, line);
      // Who assigned: the notification engine does not tell agents about their own assignments.
      const performedBy = { id: member.userId, type: 'user' };
      return { conversation, events: ['assignee.changed', 'conversation.updated'], extras: { 'assignee.changed': { performed_by: performedBy } } };
    }
    const teamId = input.teamId ?? null;
    if (teamId === current.teamId) return { conversation: current, events: [] };
    const team = teamId === null ? undefined : await repository.findTeam(tx, member.accountId, teamId);
    if (teamId !== null && !team) throw invalidField('team_id', 'is not a team of this account', 'not_found');
    const previous = current.teamId === null ? undefined : await repository.findTeam(tx, member.accountId, current.teamId);
    const conversation = await repository.updateConversation(tx, current.id, { teamId });
    await recordActivity(
      ctx,
      tx,
      conversation,
      team
        ? texts.teamAssigned({ actor: member.name, team: team.name })
        : texts.teamRemoved({ actor: member.name, team: previous?.name ?? '' }),
    );
    return { conversation, events: ['team.changed', 'conversation.updated'] };
  });
  const related = await repository.loadRelated(ctx.db, [result.conversation]);
  if (input.assigneeId !== undefined) {
    const assignee = result.conversation.assigneeId === null ? undefined : related.users.get(result.conversation.assigneeId);
    return assignee ? presentAssignee(assignee, related.memberships.get(assignee.id)) : null;
  }
  const team = result.conversation.teamId === null ? undefined : related.teams.get(result.conversation.teamId);
  return team ? presentTeam(team) : null;
}

/** Replaces the conversation's labels; every label must exist in the account. */
export async function setLabels(ctx: AppContext, member: Member, displayId: number, requested: string[]) {
  const wanted = [...new Set(requested.map((l) => l.trim().toLowerCase()).filter(Boolean))];
  const result = await changeConversation(ctx, member, displayId, async (tx, current) => {
    if (wanted.length > 0) {
      const known = await repository.findLabelTitles(tx, member.accountId, wanted);
      const missing = wanted.filter((l) => !known.includes(l));
      if (missing.length > 0) throw invalidField('labels', `has labels this account does not have: ${missing.join(', ')}`, 'not_found');
    }
    const added = wanted.filter((l) => !current.labels.includes(l));
    const removed = current.labels.filter((l) => !wanted.includes(l));
    if (added.length === 0 && removed.length === 0) return { conversation: current, events: [] };
    const conversation = await repository.updateConversation(tx, current.id, { labels: wanted });
    const texts = await textsFor(tx, member.accountId);
    if (added.length > 0) await recordActivity(ctx, tx, conversation, texts.labelsAdded({ actor: member.name, labels: labelList(added) }));
    if (removed.length > 0) await recordActivity(ctx, tx, conversation, texts.labelsRemoved({ actor: member.name, labels: labelList(removed) }));
    return { conversation, events: ['conversation.updated'] };
  });
  return { payload: result.conversation.labels };
}

export async function listLabels(ctx: AppContext, member: Member, displayId: number) {
  return { payload: (await findForMember(ctx.db, member, displayId)).labels };
}

export async function setCustomAttributes(ctx: AppContext, member: Member, displayId: number, attributes: Record<string, unknown>) {
  const result = await changeConversation(ctx, member, displayId, async (tx, current) => {
    await validateValues(tx, member.accountId, 'conversation_attribute', attributes);
    return { conversation: await repository.updateConversation(tx, current.id, { customAttributes: attributes }), events: ['conversation.updated'] };
  });
  return { custom_attributes: result.conversation.customAttributes };
}

export async function removeCustomAttributes(ctx: AppContext, member: Member, displayId: number, keys: string[]) {
  const result = await changeConversation(ctx, member, displayId, async (tx, current) => {
    const customAttributes = Object.fromEntries(Object.entries(current.customAttributes).filter(([key]) => !keys.includes(key)));
    return { conversation: await repository.updateConversation(tx, current.id, { customAttributes }), events: ['conversation.updated'] };
  });
  return { custom_attributes: result.conversation.customAttributes };
}

export async function setMuted(ctx: AppContext, member: Member, displayId: number, muted: boolean) {
  return changeConversation(ctx, member, displayId, async (tx, current) => {
    if (current.muted === muted) return { conversation: current, events: [] };
    const conversation = await repository.updateConversation(tx, current.id, { muted });
    const texts = await textsFor(tx, member.accountId);
    await recordActivity(ctx, tx, conversation, (muted ? texts.muted : texts.unmuted)({ actor: member.name }));
    return { conversation, events: ['conversation.updated'] };
  });
}

/** The agent has read the conversation: nothing unread any more. */
export async function markRead(ctx: AppContext, member: Member, displayId: number) {
  return changeConversation(ctx, member, displayId, async (tx, current) => ({
    conversation: await repository.updateConversation(tx, current.id, {
      agentLastSeenAt: new Date(),
      unreadCount: 0,
      ...(current.assigneeId === member.userId ? { assigneeLastSeenAt: new Date() } : {}),
    }),
    events: ['conversation.read'],
  }));
}

/** Marks the last incoming message unread again. */
export async function markUnread(ctx: AppContext, member: Member, displayId: number) {
  return changeConversation(ctx, member, displayId, async (tx, current) => {
    const lastIncoming = await repository.findLastIncomingAt(tx, current.id);
    const conversation = await repository.updateConversation(tx, current.id, {
      agentLastSeenAt: lastIncoming ? new Date(lastIncoming.getTime() - 1000) : current.agentLastSeenAt,
      unreadCount: lastIncoming ? Math.max(1, current.unreadCount) : 0,
    });
    return { conversation, events: ['conversation.updated'] };
  });
}

export async function listParticipants(ctx: AppContext, member: Member, displayId: number) {
  const conversation = await findForMember(ctx.db, member, displayId);
  const ids = await repository.listParticipantIds(ctx.db, conversation.id);
  if (ids.length === 0) return [];
  const rows = await repository.findUsers(ctx.db, ids);
  return ids.map((id) => rows.find((u) => u.id === id)).filter((u) => u !== undefined).map(presentUserSender);
}

/** Adds, removes or replaces the agents following a conversation (all must belong to the account). */
export async function changeParticipants(
  ctx: AppContext,
  member: Member,
  displayId: number,
  mode: 'add' | 'remove' | 'set',
  userIds: number[],
) {
  await changeConversation(ctx, member, displayId, async (tx, current) => {
    if (mode !== 'remove') {
      for (const userId of userIds) {
        if (!(await accounts.findMembership(tx, member.accountId, userId))) {
          throw invalidField('user_ids', `has ${userId}, who is not an agent of this account`, 'not_found');
        }
      }
    }
    const existing = await repository.listParticipantIds(tx, current.id);
    if (mode === 'add') await repository.addParticipants(tx, member.accountId, current.id, userIds);
    if (mode === 'remove') await repository.removeParticipants(tx, current.id, userIds);
    if (mode === 'set') {
      await repository.removeParticipants(
        tx,
        current.id,
        existing.filter((id) => !userIds.includes(id)),
      );
      await repository.addParticipants(tx, member.accountId, current.id, userIds);
    }
    return { conversation: await repository.updateConversation(tx, current.id, {}), events: ['conversation.updated'] };
  });
  return listParticipants(ctx, member, displayId);
}

/** What starting a conversation takes (a first message is posted separately). */
export type CreateInput = {
  inboxId: number;
  sourceId?: string | undefined;
  contactId?: number | undefined;
  status?: 'open' | 'resolved' | 'pending' | 'snoozed' | undefined;
  assigneeId?: number | undefined;
  teamId?: number | undefined;
  snoozedUntil?: Date | undefined;
  additionalAttributes?: Record<string, unknown> | undefined;
  customAttributes?: Record<string, unknown> | undefined;
};

/** Starts a conversation with a contact in an inbox the agent works in. */
export async function createConversation(ctx: AppContext, member: Member, input: CreateInput) {
  return ctx.transaction(async (tx) => {
    const inbox = await repository.findInbox(tx, member.accountId, input.inboxId);
    const access = await inboxAccess(tx, member);
    if (!inbox || !canAccessInbox(access, inbox.id)) throw invalidField('inbox_id', 'is not an inbox you work in', 'not_found');
    let contactInbox = input.sourceId === undefined ? undefined : await repository.findContactInbox(tx, inbox.id, { sourceId: input.sourceId });
    if (input.sourceId !== undefined && !contactInbox) throw invalidField('source_id', 'is not a contact of this inbox', 'not_found');
    if (!contactInbox) {
      if (input.contactId === undefined) throw invalidField('contact_id', 'is required without a source_id', 'required');
      const contact = await repository.findContact(tx, member.accountId, input.contactId);
      if (!contact) throw invalidField('contact_id', 'is not a contact of this account', 'not_found');
      contactInbox =
        (await repository.findContactInbox(tx, inbox.id, { contactId: contact.id })) ??
        (await repository.insertContactInbox(tx, {
          accountId: member.accountId,
          contactId: contact.id,
          inboxId: inbox.id,
          sourceId: crypto.randomUUID(),
          pubsubToken: randomToken(24),
        }));
    } else if (input.contactId !== undefined && contactInbox.contactId !== input.contactId) {
      throw invalidField('contact_id', 'does not match the contact of source_id', 'mismatch');
    }
    if (inbox.lockToSingleConversation) {
      const existing = await repository.findOpenConversationOf(tx, contactInbox.id);
      if (existing) return presentOne(tx, existing);
    }
    if (input.assigneeId !== undefined) {
      const assignee = await accounts.findMember(tx, member.accountId, input.assigneeId);
      const assigneeAccess = assignee ? await inboxAccess(tx, { accountId: member.accountId, userId: assignee.userId, role: assignee.role }) : undefined;
      if (!assigneeAccess || !canAccessInbox(assigneeAccess, inbox.id)) throw invalidField('assignee_id', 'is not an agent of this inbox', 'not_found');
    }
    if (input.teamId !== undefined) {
      if (!(await repository.findTeam(tx, member.accountId, input.teamId))) throw invalidField('team_id', 'is not a team of this account', 'not_found');
    }
    if (input.snoozedUntil && input.snoozedUntil.getTime() <= Date.now()) throw invalidField('snoozed_until', 'must be in the future', 'in_the_past');
    await validateValues(tx, member.accountId, 'conversation_attribute', input.customAttributes);
    const conversation = await openConversation(ctx, tx, contactInbox, {
      status: input.status,
      assigneeId: input.assigneeId,
      teamId: input.teamId,
      snoozedUntil: input.snoozedUntil,
      additionalAttributes: input.additionalAttributes,
      customAttributes: input.customAttributes,
    });
    if (input.assigneeId !== undefined) {
      // Created already assigned: the assignee hears of it as of an assignment (not when it is the creator).
      const event = conversationEvent('assignee.changed', conversation, await presentOne(tx, conversation));
      await ctx.outbox.record(tx, { ...event, payload: { ...event.payload, performed_by: { id: member.userId, type: 'user' } } });
    }
    return presentOne(tx, conversation);
  });
}

/** Inserts a conversation for a contact in an inbox (checks done by the caller) and tells the inbox's agents. */
export async function openConversation(
  ctx: AppContext,
  tx: Executor,
  contactInbox: { id: number; accountId: number; inboxId: number; contactId: number },
  input: Omit<CreateInput, 'inboxId' | 'sourceId' | 'contactId'>,
): Promise<ConversationRow> {
  const status = input.status ?? 'open';
  const conversation = await repository.insertConversation(tx, {
    accountId: contactInbox.accountId,
    displayId: await repository.nextDisplayId(tx, contactInbox.accountId),
    inboxId: contactInbox.inboxId,
    contactId: contactInbox.contactId,
    contactInboxId: contactInbox.id,
    assigneeId: input.assigneeId ?? null,
    teamId: input.teamId ?? null,
    status,
    snoozedUntil: status === 'snoozed' ? (input.snoozedUntil ?? null) : null,
    additionalAttributes: input.additionalAttributes ?? {},
    customAttributes: input.customAttributes ?? {},
  });
  if (input.assigneeId !== undefined) await repository.addParticipants(tx, contactInbox.accountId, conversation.id, [input.assigneeId]);
  await ctx.outbox.record(tx, conversationEvent('conversation.created', conversation, await presentOne(tx, conversation)));
  return conversation;
}

/** What a new message does to its conversation (the caller holds the conversation's lock). */
export async function applyMessage(
  ctx: AppContext,
  tx: Executor,
  conversation: ConversationRow,
  message: { messageType: number; private: boolean; senderType: string | null; senderId: number | null; createdAt: Date },
  preview: Record<string, unknown>,
): Promise<ConversationRow> {
  const incoming = message.messageType === 0;
  const agentReply = message.messageType === 1 && !message.private && message.senderType === 'user';
  const reopen = incoming && !incomingKeepsStatus(conversation);
  const counted = incoming ? withIncomingMessage(conversation, message.createdAt, preview) : undefined;
  const updated = await repository.updateConversation(tx, conversation.id, {
    lastActivityAt: message.createdAt,
    ...(message.private ? {} : { lastMessage: preview }),
    ...(counted ? { unreadCount: counted.unreadCount, waitingSince: counted.waitingSince } : {}),
    ...(agentReply ? { firstReplyCreatedAt: conversation.firstReplyCreatedAt ?? message.createdAt, waitingSince: null } : {}),
    ...(reopen ? { status: 'open' as const, snoozedUntil: null } : {}),
  });
  if (message.senderType === 'user' && message.senderId !== null) {
    await repository.addParticipants(tx, conversation.accountId, conversation.id, [message.senderId]);
  }
  if (reopen) {
    const related = await repository.loadRelated(tx, [updated]);
    await ctx.outbox.record(tx, conversationEvent('conversation.status_changed', updated, presentConversation(updated, related)));
    const contactInbox = updated.contactInboxId === null ? undefined : related.contactInboxes.get(updated.contactInboxId);
    const contactEvent = contactStatusEvent(updated, contactInbox?.pubsubToken ?? null);
    if (contactEvent) await ctx.outbox.record(tx, contactEvent);
  }
  return updated;
}

/**
 * Whether an incoming message leaves its conversation's status as it is (a muted conversation
 * is not reopened): such messages may be written together (`withIncomingMessage`, `saveAfterMessages`).
 */
export function incomingKeepsStatus(conversation: ConversationRow): boolean {
  return conversation.muted || (conversation.status !== 'resolved' && conversation.status !== 'snoozed');
}

/** What an incoming message that keeps the status does to its conversation, as `applyMessage` would; nothing is written. */
export function withIncomingMessage(conversation: ConversationRow, createdAt: Date, preview: Record<string, unknown>): ConversationRow {
  return {
    ...conversation,
    lastActivityAt: createdAt,
    lastMessage: preview,
    unreadCount: conversation.unreadCount + 1,
    waitingSince: conversation.waitingSince ?? createdAt,
  };
}

/** Writes the conversations `withIncomingMessage` changed, in one statement (the caller holds their locks). */
export async function saveAfterMessages(tx: Executor, changed: ConversationRow[]): Promise<void> {
  await repository.updateAfterMessages(
    tx,
    changed.map((c) => ({ id: c.id, lastActivityAt: c.lastActivityAt, lastMessage: c.lastMessage ?? {}, unreadCount: c.unreadCount, waitingSince: c.waitingSince })),
  );
}

/** @mentions in a private note: each mentioned agent (or team's agents) is recorded, follows the conversation and is told. */
export async function recordMentionsIn(
  ctx: AppContext,
  tx: Executor,
  conversation: ConversationRow,
  content: string,
  authorId: number,
  messageId?: number,
) {
  const userIds = new Set<number>();
  for (const match of content.matchAll(/mention:\/\/(user|team)\/(\d+)\//g)) {
    const id = Number(match[2]);
    if (match[1] === 'user') userIds.add(id);
    else for (const memberId of await repository.listTeamMemberIds(tx, conversation.accountId, id)) userIds.add(memberId);
  }
  userIds.delete(authorId);
  const mentioned: number[] = [];
  for (const userId of userIds) if (await accounts.findMembership(tx, conversation.accountId, userId)) mentioned.push(userId);
  if (mentioned.length === 0) return;
  await repository.recordMentions(tx, conversation.accountId, conversation.id, mentioned);
  await repository.addParticipants(tx, conversation.accountId, conversation.id, mentioned);
  const json = await presentOne(tx, conversation);
  await ctx.outbox.record(tx, {
    name: 'conversation.mentioned',
    accountId: conversation.accountId,
    payload: { ...json, mentioned_user_ids: mentioned, performed_by: { id: authorId, type: 'user' }, ...(messageId === undefined ? {} : { message_id: messageId }) },
    realtime: { userIds: mentioned },
  });
}

export async function contactInboxOf(db: Executor, conversation: ConversationRow) {
  return conversation.contactInboxId === null ? undefined : repository.findContactInboxById(db, conversation.contactInboxId);
}

export async function inboxOf(db: Executor, conversation: ConversationRow) {
  return repository.findInbox(db, conversation.accountId, conversation.inboxId);
}

/** After the last message changed (deleted), the list preview follows. */
export async function replaceLastMessage(tx: Executor, conversation: ConversationRow, preview: Record<string, unknown>) {
  await repository.updateConversation(tx, conversation.id, { lastMessage: preview });
}

/** Checks a saved folder's conditions as the filter would read them (422 naming the field). */
export function checkFilter(conditions: FilterCondition[]): void {
  filterCondition(conditions);
}

/** The advanced filter ("Pastas"), answered like the list. */
export async function filterConversations(ctx: AppContext, member: Member, conditions: FilterCondition[], page = 1) {
  const scope = { ...(await scopeFor(ctx.db, member, { status: 'all' })), where: filterCondition(conditions) };
  const [rows, counts] = await Promise.all([
    repository.listConversations(ctx.db, scope, { kind: 'all' }, 'last_activity_at_desc', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    repository.countByAssignee(ctx.db, scope, member.userId),
  ]);
  return { data: { meta: countsJson(counts), payload: await presentMany(ctx.db, rows) } };
}

/** "Agent is typing…": live only, to the inbox's agents and — unless private — the contact (who sees only who types). */
export async function announceAgentTyping(ctx: AppContext, member: Member, displayId: number, on: boolean, isPrivate: boolean) {
  const conversation = await findForMember(ctx.db, member, displayId);
  const related = await repository.loadRelated(ctx.db, [conversation]);
  const [userRow] = await repository.findUsers(ctx.db, [member.userId]);
  const user = userRow ? presentUserSender(userRow) : null;
  const name = on ? 'conversation.typing_on' : 'conversation.typing_off';
  const contactInbox = conversation.contactInboxId === null ? undefined : related.contactInboxes.get(conversation.contactInboxId);
  ctx.outbox.announce({
    name,
    accountId: member.accountId,
    payload: { account_id: member.accountId, inbox_id: conversation.inboxId, conversation: presentConversation(conversation, related), user, is_private: isPrivate },
    realtime: { inboxId: conversation.inboxId },
  });
  if (!isPrivate && contactInbox) {
    ctx.outbox.announce({
      name,
      accountId: member.accountId,
      payload: {
        account_id: member.accountId,
        inbox_id: conversation.inboxId,
        conversation: { id: conversation.displayId, inbox_id: conversation.inboxId },
        user: user && { id: user.id, name: user.available_name, avatar_url: user.avatar_url, type: 'user' },
        is_private: false,
      },
      realtime: { agents: false, contactPubsubToken: contactInbox.pubsubToken },
    });
  }
}

/** A conversation as the API shows it, by account and display id (system use: no access check). */
export async function presentByDisplayId(db: Executor, accountId: number, displayId: number) {
  const conversation = await repository.findByDisplayId(db, accountId, displayId);
  return conversation ? presentOne(db, conversation) : undefined;
}

// ——— what a contact does to their own conversation (client API, widget) ———

/** The conversation of this contact session with this display id, locked; undefined when not theirs. */
export async function findOfContactInbox(tx: Executor, contactInbox: { id: number; accountId: number }, displayId: number, lock = false) {
  const conversation = await repository.findByDisplayId(tx, contactInbox.accountId, displayId, lock);
  return conversation && conversation.contactInboxId === contactInbox.id ? conversation : undefined;
}

export async function listOfContactInbox(db: Executor, contactInboxId: number) {
  return repository.listByContactInbox(db, contactInboxId);
}

/** The contact resolves their conversation (as Chatwoot's client API allows). */
export async function resolveByContact(ctx: AppContext, tx: Executor, conversation: ConversationRow, contactName: string) {
  if (conversation.status === 'resolved') return conversation;
  const updated = await repository.updateConversation(tx, conversation.id, { status: 'resolved', snoozedUntil: null, waitingSince: null });
  await recordActivity(ctx, tx, updated, (await textsFor(tx, updated.accountId)).resolved({ actor: contactName }));
  const related = await repository.loadRelated(tx, [updated]);
  await ctx.outbox.record(tx, conversationEvent('conversation.status_changed', updated, presentConversation(updated, related)));
  const contactInbox = updated.contactInboxId === null ? undefined : related.contactInboxes.get(updated.contactInboxId);
  const contactEvent = contactStatusEvent(updated, contactInbox?.pubsubToken ?? null);
  if (contactEvent) await ctx.outbox.record(tx, contactEvent);
  return updated;
}

/** The contact has seen the conversation (agents' messages show as read). */
export async function markSeenByContact(ctx: AppContext, tx: Executor, conversation: ConversationRow) {
  const updated = await repository.updateConversation(tx, conversation.id, { contactLastSeenAt: new Date() });
  await ctx.outbox.record(tx, { ...conversationEvent('conversation.updated', updated, await presentOne(tx, updated)), liveOnly: true });
  return updated;
}

/** "Customer is typing…", live to the inbox's agents. */
export async function announceContactTyping(ctx: AppContext, conversation: ConversationRow, contact: { id: number; name: string }, on: boolean) {
  ctx.outbox.announce({
    name: on ? 'conversation.typing_on' : 'conversation.typing_off',
    accountId: conversation.accountId,
    payload: {
      account_id: conversation.accountId,
      inbox_id: conversation.inboxId,
      conversation: await presentOne(ctx.db, conversation),
      user: { id: contact.id, name: contact.name, type: 'contact' },
      is_private: false,
    },
    realtime: { inboxId: conversation.inboxId },
  });
}

// ——— what a website visitor does through the widget ———

/** A conversation by its display id, locked when asked (system use: no access check). */
export async function findByDisplayIdForSystem(db: Executor, accountId: number, displayId: number, lock = false) {
  return repository.findByDisplayId(db, accountId, displayId, lock);
}

async function recordContactChange(ctx: AppContext, tx: Executor, conversation: ConversationRow) {
  const related = await repository.loadRelated(tx, [conversation]);
  await ctx.outbox.record(tx, conversationEvent('conversation.updated', conversation, presentConversation(conversation, related)));
}

/** The widget adds or removes one of the account's labels on the visitor's conversation (unknown labels are ignored, as Chatwoot). */
export async function changeLabelByContact(ctx: AppContext, tx: Executor, conversation: ConversationRow, label: string, add: boolean, contactName: string) {
  const title = label.trim().toLowerCase();
  const has = conversation.labels.includes(title);
  if (add === has) return conversation;
  if (add && (await repository.findLabelTitles(tx, conversation.accountId, [title])).length === 0) return conversation;
  const labels = add ? [...conversation.labels, title] : conversation.labels.filter((l) => l !== title);
  const updated = await repository.updateConversation(tx, conversation.id, { labels });
  const texts = await textsFor(tx, conversation.accountId);
  const line = add ? texts.labelsAdded({ actor: contactName, labels: labelList([title]) }) : texts.labelsRemoved({ actor: contactName, labels: labelList([title]) });
  await recordActivity(ctx, tx, updated, line);
  await recordContactChange(ctx, tx, updated);
  return updated;
}

/** The widget merges custom attributes into the visitor's conversation, or removes keys. */
export async function changeCustomAttributesByContact(ctx: AppContext, tx: Executor, conversation: ConversationRow, change: { set?: Record<string, unknown>; remove?: string[] }) {
  const customAttributes = { ...conversation.customAttributes, ...change.set };
  for (const key of change.remove ?? []) delete customAttributes[key];
  const updated = await repository.updateConversation(tx, conversation.id, { customAttributes });
  await recordContactChange(ctx, tx, updated);
  return updated;
}
