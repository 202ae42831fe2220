import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../platform/outbox/types';
import { ACCESS_TTL_MS, AccessCache, type AgentAccess, contactPayload, hiddenFromContacts, typingUserId } from './audience';

describe('inbox access cache', () => {
  function rig() {
    let now = 0;
    const stored = new Map<number, AgentAccess>([[1, { all: false, inboxIds: [5] }]]);
    const loads: number[] = [];
    let release: (() => void) | undefined;
    let hold = false;
    const cache = new AccessCache(
      async (_accountId, userId) => {
        loads.push(userId);
        const access = stored.get(userId) ?? null;
        if (hold) await new Promise<void>((resolve) => (release = resolve));
        return access;
      },
      (error) => {
        throw error;
      },
      () => now,
    );
    return {
      cache,
      stored,
      loads,
      advance: (ms: number) => (now += ms),
      holdLoads: () => (hold = true),
      release: () => {
        hold = false;
        release?.();
      },
    };
  }

  it('loads once, then serves the cached access until it is too old', async () => {
    const r = rig();
    expect(r.cache.peek(7, 1)).toBeUndefined();
    await Promise.all([r.cache.ensure(7, [1, 2]), r.cache.ensure(7, [1])]);
    expect(r.loads).toEqual([1, 2]);
    expect(r.cache.peek(7, 1)).toEqual({ all: false, inboxIds: [5] });
    expect(r.cache.peek(7, 2)).toBeNull();

    r.stored.set(1, null);
    r.advance(ACCESS_TTL_MS);
    expect(r.cache.peek(7, 1)).toBeUndefined();
    await r.cache.ensure(7, [1]);
    expect(r.cache.peek(7, 1)).toBeNull();
  });

  it('refreshes an ageing entry in the background while still serving it', async () => {
    const r = rig();
    await r.cache.ensure(7, [1]);
    r.stored.set(1, { all: true });
    r.advance(ACCESS_TTL_MS - 1000);
    expect(r.cache.peek(7, 1)).toEqual({ all: false, inboxIds: [5] });
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.cache.peek(7, 1)).toEqual({ all: true });
    expect(r.loads).toEqual([1, 1]);
  });

  it('does not keep what a load read before the access was forgotten', async () => {
    const r = rig();
    r.holdLoads();
    const loading = r.cache.ensure(7, [1]);
    r.cache.forget(7, [1]);
    r.release();
    await loading;
    expect(r.cache.peek(7, 1)).toBeUndefined();
  });
});

describe('what contacts never see', () => {
  const event = (name: string, payload: Record<string, unknown>, realtime = {}): DomainEvent => ({ name, accountId: 1, payload, realtime });
  it('hides private notes, activity messages and private typing, whatever the audience says', () => {
    expect(hiddenFromContacts(event('message.created', { message_type: 1, private: false }))).toBe(false);
    expect(hiddenFromContacts(event('message.created', { message_type: 1, private: true }))).toBe(true);
    expect(hiddenFromContacts(event('message.updated', { message_type: 2, private: false }))).toBe(true);
    expect(hiddenFromContacts(event('message.created', { message_type: 'activity' }))).toBe(true);
    expect(hiddenFromContacts(event('message.created', { message_type: 0 }, { private: true }))).toBe(true);
    expect(hiddenFromContacts(event('conversation.typing_on', { is_private: true }))).toBe(true);
    expect(hiddenFromContacts(event('conversation.status_changed', { status: 'resolved' }))).toBe(false);
  });

  it('sends contacts messages in their public shape, a contact sender by id only', () => {
    const base = { id: 9, content: 'oi', message_type: 0, content_type: 'text', content_attributes: {}, created_at: 1, conversation_id: 4, status: 'sent', attachments: [], reactions: [] };
    const fromContact = event('message.created', {
      ...base,
      private: false,
      conversation: { assignee_id: 3, unread_count: 2 },
      sender: { id: 5, type: 'contact', name: 'Ana', email: 'ana@example.test', phone_number: '+5511999999999', custom_attributes: { cpf: '1' } },
    });
    expect(contactPayload(fromContact)).toEqual({ ...base, sender: { id: 5, type: 'contact' } });
    const fromAgent = event('message.created', { ...base, message_type: 1, sender: { id: 3, type: 'user', name: 'Bia Souza', available_name: 'Bia', thumbnail: 'https://x/a.png', email: 'bia@x' } });
    expect(contactPayload(fromAgent).sender).toEqual({ id: 3, name: 'Bia', thumbnail: 'https://x/a.png', type: 'user' });
    expect(contactPayload(event('message.created', { ...base, message_type: 3, sender: null })).sender).toBeNull();
    const status = event('conversation.status_changed', { id: 4, status: 'resolved' });
    expect(contactPayload(status)).toBe(status.payload);
  });

  it('knows the agent who types, to leave them out', () => {
    expect(typingUserId(event('conversation.typing_on', { user: { type: 'user', id: 3 } }))).toBe(3);
    expect(typingUserId(event('conversation.typing_on', { user: { type: 'contact', id: 3 } }))).toBeUndefined();
    expect(typingUserId(event('message.created', { user: { type: 'user', id: 3 } }))).toBeUndefined();
  });
});
