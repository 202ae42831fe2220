import { type InfiniteData, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { conversationKeys } from './conversation-keys';
import type { ListPage } from './conversations-api';
import type { ContactSummary, Conversation, ListFilter, Message, MessagesPage } from './conversation-types';
import { applyContact, applyMessage } from './live-cache';
import { testConversation } from './test-conversation';

const ACCOUNT = 1;

const contact = (id: number, name: string): ContactSummary => ({ id, name, email: null, phone_number: null, thumbnail: null, custom_attributes: {} });

const conversation = (id: number, sender: ContactSummary): Conversation =>
  testConversation(id, {
    account_id: ACCOUNT,
    channel: 'Channel::WebWidget',
    meta: { sender, assignee: null, team: null, channel: 'Channel::WebWidget' },
    last_activity_at: id,
    timestamp: id,
  });

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

describe('applyMessage (message.created while the history is being read)', () => {
  it('keeps a message that arrives while the history is first being read (the read answered without it)', async () => {
    const client = new QueryClient();
    const key = conversationKeys.messages(ACCOUNT, 10);
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (release = resolve));
    const reading = client.fetchInfiniteQuery({
      queryKey: key,
      initialPageParam: null,
      queryFn: async () => {
        await answered;
        // The server read the history before message 2 existed.
        return { meta: { labels: [], contact: contact(5, 'Ana'), assignee: null }, payload: [incoming(1, 5, 'Ana')] } as MessagesPage;
      },
    });
    applyMessage(client, ACCOUNT, 1, incoming(2, 5, 'Ana'));
    release();
    await reading;
    expect(client.getQueryData<InfiniteData<MessagesPage>>(key)?.pages[0]?.payload.map((m) => m.id)).toEqual([1, 2]);
    // Later reads are left alone.
    applyMessage(client, ACCOUNT, 1, incoming(3, 5, 'Ana'));
    expect(client.getQueryData<InfiniteData<MessagesPage>>(key)?.pages[0]?.payload.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('appends to a history already read, once', () => {
    const client = new QueryClient();
    const key = conversationKeys.messages(ACCOUNT, 10);
    client.setQueryData<InfiniteData<MessagesPage>>(key, { pages: [{ meta: { labels: [], contact: contact(5, 'Ana'), assignee: null }, payload: [incoming(1, 5, 'Ana')] }], pageParams: [null] });
    applyMessage(client, ACCOUNT, 1, incoming(2, 5, 'Ana'));
    applyMessage(client, ACCOUNT, 1, incoming(2, 5, 'Ana'));
    expect(client.getQueryData<InfiniteData<MessagesPage>>(key)?.pages[0]?.payload.map((m) => m.id)).toEqual([1, 2]);
  });
});
