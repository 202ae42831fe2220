import type { Conversation } from './conversation-types';

/** A conversation for unit tests: open, unassigned, in inbox 1 of account 1, active at `id * 10`; `fields` change any of it. */
export function testConversation(id: number, fields: Partial<Conversation> = {}): Conversation {
  return {
    id,
    uuid: `u${id}`,
    account_id: 1,
    inbox_id: 1,
    status: 'open',
    priority: null,
    labels: [],
    muted: false,
    snoozed_until: null,
    unread_count: 0,
    can_reply: true,
    channel: 'Channel::Api',
    additional_attributes: {},
    custom_attributes: {},
    messages: [],
    last_non_activity_message: null,
    meta: { sender: null, assignee: null, team: null, channel: 'Channel::Api' },
    waiting_since: null,
    last_activity_at: id * 10,
    timestamp: id * 10,
    created_at: id,
    updated_at: id,
    ...fields,
  };
}
