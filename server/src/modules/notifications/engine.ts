import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import type { NotificationType } from '../../db/schema';
import type { DispatchMemo, StoredEvent } from '../../platform/outbox/types';
import { presentUserSender } from '../conversations/presenter';
import * as conversations from '../conversations/service';
import * as messages from '../messages/service';
import * as repository from './repository';
import type { ConversationRow, NewNotification } from './repository';
import { liveEvent, loadSettings, PUSH_REQUESTED, queueEmail } from './service';

/** The SLA feature's event (synthetic until it exists): the conversation plus `sla_type`. */
export const SLA_MISSED = 'conversation.sla_missed';
export const SLA_TYPES = { first_response: 'sla_missed_first_response', next_response: 'sla_missed_next_response', resolution: 'sla_missed_resolution' } as const;

/** The domain events the engine turns into notifications. */
export const ENGINE_EVENTS = ['conversation.created', 'assignee.changed', 'conversation.mentioned', 'message.created', SLA_MISSED] as const;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);

/**
 * Decided at dispatch: no job for activity lines, templates, muted conversations, or a message in a
 * conversation with neither assignee nor participants (nobody to tell; one look-up).
 */
export async function engineWants(event: StoredEvent, db: Executor, memo: DispatchMemo): Promise<boolean> {
  const accountId = event.accountId;
  if (accountId === null) return false;
  const p = event.payload;
  if (event.name !== 'message.created') return p.muted !== true;
  if (p.message_type !== 0 && p.message_type !== 1) return false;
  const displayId = num(p.conversation_id);
  if (displayId === undefined) return false;
  if (num((p.conversation as { assignee_id?: unknown } | undefined)?.assignee_id) !== undefined) return true;
  // `prepareEngineWants` has looked up the pass's conversations at once; this is for a lone event.
  return memo(mayNotifyKey(accountId, displayId), async () => (await repository.conversationsThatMayNotify(db, accountId, [displayId])).has(displayId));
}

const mayNotifyKey = (accountId: number, displayId: number) => `message-may-notify:${accountId}:${displayId}`;

/** The conversations of a dispatch pass's messages that `engineWants` must look up, in one query per account. */
export async function prepareEngineWants(events: StoredEvent[], db: Executor, memo: DispatchMemo): Promise<void> {
  const asked = new Map<number, Set<number>>();
  for (const event of events) {
    const p = event.payload;
    if (event.accountId === null || event.name !== 'message.created' || (p.message_type !== 0 && p.message_type !== 1)) continue;
    const displayId = num(p.conversation_id);
    if (displayId === undefined || num((p.conversation as { assignee_id?: unknown } | undefined)?.assignee_id) !== undefined) continue;
    asked.set(event.accountId, (asked.get(event.accountId) ?? new Set()).add(displayId));
  }
  for (const [accountId, displayIds] of asked) {
    const yes = await repository.conversationsThatMayNotify(db, accountId, [...displayIds]);
    for (const displayId of displayIds) await memo(mayNotifyKey(accountId, displayId), async () => yes.has(displayId));
  }
}

/** User ids a note mentions: `mention://user/<id>/` and every agent of `mention://team/<id>/`. */
async function mentionedIn(db: Executor, accountId: number, content: string): Promise<Set<number>> {
  const users = new Set<number>();
  const teams: number[] = [];
  for (const match of content.matchAll(/mention:\/\/(user|team)\/(\d+)\//g)) {
    const id = Number(match[2]);
    if (!Number.isSafeInteger(id)) continue;
    if (match[1] === 'user') users.add(id);
    else teams.push(id);
  }
  for (const id of await repository.listTeamMemberIds(db, accountId, teams)) users.add(id);
  return users;
}

type Plan = { type: NotificationType; userIds: number[]; secondary?: { type: 'Message' | 'User'; id: number; json: Record<string, unknown> } };

/**
 * Turns one domain event into notifications: decides who is told of what, then `notify` stores
 * them (once per event and user), pushes them live, and queues their email and push.
 */
export async function handleEngineEvent(ctx: AppContext, event: StoredEvent): Promise<void> {
  const accountId = event.accountId;
  const p = event.payload;
  if (accountId === null) return;
  const displayId = num(event.name === 'message.created' ? p.conversation_id : p.id);
  if (displayId === undefined) return;
  // Deciding reads only; most messages (no assignee, no participant) end here, with no transaction.
  const conversation = await repository.findConversation(ctx.db, accountId, displayId);
  if (!conversation || conversation.muted) return;
  const plans = (await plan(ctx.db, event, conversation)).filter((item) => item.userIds.length > 0);
  if (plans.length === 0) return;
  await ctx.transaction(async (tx) => {
    for (const item of plans) await notify(ctx, tx, event, conversation, item);
  });
}

async function plan(tx: Executor, event: StoredEvent, conversation: ConversationRow): Promise<Plan[]> {
  const p = event.payload;
  const accountId = conversation.accountId;
  switch (event.name) {
    case 'conversation.created': {
      // As Chatwoot: only inbox members who chose to hear about new conversations (email or push).
      const members = await repository.listInboxMemberIds(tx, accountId, conversation.inboxId);
      const settings = await loadSettings(tx, accountId, members);
      const userIds = members.filter((id) => {
        const s = settings.get(id)!;
        return s.email.includes('conversation_creation') || s.push.includes('conversation_creation');
      });
      return [{ type: 'conversation_creation', userIds }];
    }
    case 'assignee.changed': {
      const assigneeId = num((p.meta as { assignee?: { id?: unknown } | null } | undefined)?.assignee?.id);
      const performerId = num((p.performed_by as { id?: unknown } | undefined)?.id);
      if (assigneeId === undefined || assigneeId === performerId) return [];
      const secondary = performerId === undefined ? undefined : await userActor(tx, performerId);
      return [{ type: 'conversation_assignment', userIds: [assigneeId], secondary }];
    }
    case 'conversation.mentioned': {
      const userIds = Array.isArray(p.mentioned_user_ids) ? p.mentioned_user_ids.filter((id): id is number => num(id) !== undefined) : [];
      const messageId = num(p.message_id);
      const secondary = messageId === undefined ? undefined : await messageActor(tx, conversation, messageId);
      return [{ type: 'conversation_mention', userIds, secondary }];
    }
    case 'message.created': {
      if (p.message_type !== 0 && p.message_type !== 1) return [];
      const messageId = num(p.id);
      if (messageId === undefined) return [];
      const senderUserId = p.sender_type === 'User' ? num(p.sender_id) : undefined;
      const { conversation: _part, ...message } = p;
      const secondary = { type: 'Message' as const, id: messageId, json: message };
      // A mentioned agent hears of this message through its mention only.
      const skip = p.private === true && typeof p.content === 'string' ? await mentionedIn(tx, conversation.accountId, p.content) : new Set<number>();
      if (senderUserId !== undefined) skip.add(senderUserId);
      const assigneeId = num((p.conversation as { assignee_id?: unknown } | undefined)?.assignee_id) ?? conversation.assigneeId ?? undefined;
      const plans: Plan[] = [];
      if (assigneeId !== undefined && !skip.has(assigneeId)) {
        plans.push({ type: 'assigned_conversation_new_message', userIds: [assigneeId], secondary });
        skip.add(assigneeId);
      }
      const participants = (await repository.listParticipantIds(tx, conversation.id)).filter((id) => !skip.has(id));
      plans.push({ type: 'participating_conversation_new_message', userIds: participants, secondary });
      return plans;
    }
    case SLA_MISSED: {
      const type = SLA_TYPES[p.sla_type as keyof typeof SLA_TYPES];
      if (!type) return [];
      const userIds = new Set([
        ...(conversation.assigneeId === null ? [] : [conversation.assigneeId]),
        ...(await repository.listParticipantIds(tx, conversation.id)),
        ...(await repository.listAdministratorIds(tx, accountId)),
      ]);
      return [{ type, userIds: [...userIds] }];
    }
    default:
      return [];
  }
}

async function userActor(tx: Executor, userId: number): Promise<Plan['secondary']> {
  const [user] = await repository.findUsers(tx, [userId]);
  return user ? { type: 'User', id: user.id, json: presentUserSender(user) } : undefined;
}

async function messageActor(tx: Executor, conversation: ConversationRow, messageId: number): Promise<Plan['secondary']> {
  const row = await messages.findMessage(tx, conversation.id, messageId);
  if (!row) return undefined;
  const [json] = await messages.presentMessages(tx, conversation, null, [row]);
  if (!json) return undefined;
  const { conversation: _part, ...message } = json;
  return { type: 'Message', id: messageId, json: message };
}

async function notify(ctx: AppContext, tx: Executor, event: StoredEvent, conversation: ConversationRow, item: Plan): Promise<void> {
  // Only members who may see the conversation's inbox are told (administrators see every inbox).
  const recipients = await repository.filterRecipients(tx, conversation.accountId, conversation.inboxId, [...new Set(item.userIds)]);
  if (recipients.length === 0) return;
  const settings = await loadSettings(tx, conversation.accountId, recipients);
  // The time of the event, so notifications keep its order whatever order their jobs run in.
  const at = event.createdAt;
  const rows: NewNotification[] = recipients.map((userId) => ({
    accountId: conversation.accountId,
    userId,
    notificationType: item.type,
    conversationId: conversation.id,
    secondaryActorType: item.secondary?.type ?? null,
    secondaryActorId: item.secondary?.id ?? null,
    secondaryActor: item.secondary?.json ?? null,
    eventId: event.id,
    lastActivityAt: at,
    emailPending: settings.get(userId)!.email.includes(item.type),
  }));
  const created = await repository.insertNotifications(tx, rows);
  if (created.length === 0) return;
  const [conversationJson] = await conversations.presentMany(tx, [conversation]);
  const pushUsers = created.filter((n) => settings.get(n.userId)!.push.includes(item.type));
  const subscriptions = await repository.listSubscriptions(
    tx,
    pushUsers.map((n) => n.userId),
  );
  for (const notification of created) {
    await ctx.outbox.record(tx, await liveEvent(tx, 'notification.created', notification, conversationJson));
    if (notification.emailPending) await queueEmail(ctx, tx, notification);
    for (const subscription of subscriptions.filter((s) => s.userId === notification.userId)) {
      await ctx.outbox.record(tx, {
        name: PUSH_REQUESTED,
        accountId: notification.accountId,
        payload: { account_id: notification.accountId, notification_id: notification.id, subscription_id: subscription.id },
      });
    }
  }
}
