import { type InfiniteData, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { conversationKeys } from './conversation-keys';
import type { ListPage } from './conversations-api';
import type { ContactSummary, Conversation, ListFilter, Message, MessagesPage } from './conversation-types';
import { applyContact } from './live-cache';

const ACCOUNT = 1;

const contact = (id: number, name: string): ContactSummary => ({ id, name, email: null, phone_number: null, thumbnail: null, custom_attributes: {} });

function conversation(id: number, sender: ContactSummary): Conversation {
  return {
    id,
    uuid: `u${id}`,
    account_id: ACCOUNT,
    inbox_id: 1,
    status: 'open',
    priority: null,
    labels: [],
    muted: false,
    snoozed_until: null,
    unread_count: 0,
    can_reply: true,
    channel: 'Channel::WebWidget',
    additional_attributes: {},
    custom_attributes: {},
    messages: [],
    last_non_activity_message: null,
    meta: { sender, assignee: null, team: null, channel: 'Channel::WebWidget' },
    waiting_since: null,
    last_activity_at: id,
    timestamp: id,
    created_at: id,
    updated_at: id,
  };
}

const incoming = (id: number, senderId: number, name: string) =>
  ({ id, conversation_id: 10, message_type: 0, sender_type: 'Contact', sender_id: senderId, sender: { id: senderId, name } }) as unknown as Message;

describe('applyContact (contact.updated from another agent)', () => {
  it('renames the contact in its query, the cards, the open header and the history, leaving other contacts alone', () => {
    const client = new QueryClient();
    const ana = contact(5, 'Ana');
    const bia = contact(6, 'Bia');
    const filter: ListFilter = { scope: { view: 'all' }, tab: 'all', status: 'open', sort: 'last_activity_at_desc' };
    client.setQueryData(conversationKeys.contact(ACCOUNT, 5), { payload: ana });
    client.setQueryData(conversationKeys.detail(ACCOUNT, 10), conversation(10, ana));
    client.setQueryData<InfiniteData<ListPage>>(conversationKeys.list(ACCOUNT, filter), {
      pages: [{ conversations: [conversation(10, ana), conversation(11, bia)], hasMore: false }],
      pageParams: [1],
    });
    client.setQueryData<InfiniteData<MessagesPage>>(conversationKeys.messages(ACCOUNT, 10), {
      pages: [{ meta: { labels: [], contact: ana, assignee: null }, payload: [incoming(1, 5, 'Ana'), incoming(2, 6, 'Bia')] }],
      pageParams: [null],
    });

    applyContact(client, ACCOUNT, { id: 5, name: 'Ana Paula', email: 'ana@example.test', phone_number: '+5511999990000', custom_attributes: { plano: 'Ouro' } });

    expect(client.getQueryData<{ payload: ContactSummary }>(conversationKeys.contact(ACCOUNT, 5))?.payload).toMatchObject({
      name: 'Ana Paula',
      email: 'ana@example.test',
      phone_number: '+5511999990000',
      custom_attributes: { plano: 'Ouro' },
    });
    expect(client.getQueryData<Conversation>(conversationKeys.detail(ACCOUNT, 10))?.meta.sender?.name).toBe('Ana Paula');
    const list = client.getQueryData<InfiniteData<ListPage>>(conversationKeys.list(ACCOUNT, filter));
    expect(list?.pages[0]?.conversations.map((c) => c.meta.sender?.name)).toEqual(['Ana Paula', 'Bia']);
    const history = client.getQueryData<InfiniteData<MessagesPage>>(conversationKeys.messages(ACCOUNT, 10));
    expect(history?.pages[0]?.meta.contact?.name).toBe('Ana Paula');
    expect(history?.pages[0]?.payload.map((m) => m.sender?.name)).toEqual(['Ana Paula', 'Bia']);
  });

  it('does nothing to caches that never held the contact', () => {
    const client = new QueryClient();
    client.setQueryData(conversationKeys.detail(ACCOUNT, 10), conversation(10, contact(6, 'Bia')));
    const before = client.getQueryData(conversationKeys.detail(ACCOUNT, 10));
    applyContact(client, ACCOUNT, { id: 5, name: 'Ana Paula' });
    expect(client.getQueryData(conversationKeys.detail(ACCOUNT, 10))).toBe(before);
    expect(client.getQueryData(conversationKeys.contact(ACCOUNT, 5))).toBeUndefined();
  });
});
