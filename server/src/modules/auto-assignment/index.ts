import type { Module } from '../module';
import { assignLeftovers, autoAssignByDisplayId, inboxAutoAssigns } from './service';

export const ASSIGN_LEFTOVERS_JOB = 'auto-assignment.assign-leftovers';

type ConversationPayload = { status?: unknown; inbox_id?: unknown; meta?: { assignee?: unknown } };

/**
 * Auto-assignment: a handler for new, reopened and team-changed conversations (retried like any
 * outbox handler), and a sweep every minute for conversations nobody could take at the time.
 */
export const autoAssignmentModule: Module = {
  name: 'auto-assignment',
  handlers: (ctx) => [
    {
      name: 'auto-assignment.assign',
      events: ['conversation.created', 'conversation.status_changed', 'team.changed'],
      wants: async (event, db, memo) => {
        const payload = event.payload as ConversationPayload;
        const inboxId = payload.inbox_id;
        if (payload.status !== 'open' || payload.meta?.assignee !== null || typeof inboxId !== 'number') return false;
        return memo(`auto-assigns:${inboxId}`, () => inboxAutoAssigns(db, inboxId));
      },
      batched: true,
      handle: async (event) => {
        const payload = event.payload as { id?: unknown };
        if (event.accountId === null || typeof payload.id !== 'number') return;
        await autoAssignByDisplayId(ctx, event.accountId, payload.id);
      },
    },
  ],
  jobs: (ctx) => [{ name: ASSIGN_LEFTOVERS_JOB, cron: '* * * * *', handle: async () => void (await assignLeftovers(ctx)) }],
};
