import { describe, expect, it } from 'vitest';
import type { Conversation, ListFilter } from './conversation-types';
import { belongsToList, compareConversations, placeInPages } from './list-membership';
import { testConversation } from './test-conversation';

const ME = 7;

const conversation = (id: number, fields: Partial<Conversation> = {}, assigneeId: number | null = null): Conversation =>
  testConversation(id, { meta: { sender: null, assignee: assigneeId === null ? null : { id: assigneeId, name: 'A' }, team: null, channel: 'Channel::Api' }, ...fields });

const filter = (over: Partial<ListFilter> = {}): ListFilter => ({ scope: { view: 'all' }, tab: 'all', status: 'open', sort: 'last_activity_at_desc', ...over });

describe('belongsToList', () => {
  it('follows the tab, status, inbox, team and label of the list', () => {
    expect(belongsToList(conversation(1, {}, ME), filter({ tab: 'me' }), ME)).toBe(true);
    expect(belongsToList(conversation(1, {}, 9), filter({ tab: 'me' }), ME)).toBe(false);
    expect(belongsToList(conversation(1, {}, 9), filter({ tab: 'unassigned' }), ME)).toBe(false);
    expect(belongsToList(conversation(1, { status: 'resolved' }), filter(), ME)).toBe(false);
    expect(belongsToList(conversation(1, { status: 'resolved' }), filter({ status: 'all' }), ME)).toBe(true);
    expect(belongsToList(conversation(1, { inbox_id: 2 }), filter({ scope: { view: 'inbox', inboxId: 3 } }), ME)).toBe(false);
    expect(belongsToList(conversation(1, { labels: ['vip'] }), filter({ scope: { view: 'label', label: 'vip' } }), ME)).toBe(true);
  });

  it('cannot judge mentions or unattended, so those lists reload', () => {
    expect(belongsToList(conversation(1), filter({ scope: { view: 'mentions' } }), ME)).toBeUndefined();
    expect(belongsToList(conversation(1), filter({ scope: { view: 'unattended' } }), ME)).toBeUndefined();
  });
});

describe('placeInPages', () => {
  const pages = [
    [conversation(9), conversation(8)],
    [conversation(7), conversation(6)],
  ];

  it('moves a conversation with new activity to the top', () => {
    const moved = placeInPages(pages, conversation(6, { last_activity_at: 1000 }), true, 'last_activity_at_desc', false);
    expect(moved.flat().map((c) => c.id)).toEqual([6, 9, 8, 7]);
    expect(moved.map((p) => p.length)).toEqual([2, 2]);
  });

  it('removes one that no longer belongs, and adds a new one in order', () => {
    expect(placeInPages(pages, conversation(8), false, 'last_activity_at_desc', false).flat().map((c) => c.id)).toEqual([9, 7, 6]);
    expect(placeInPages(pages, conversation(10), true, 'last_activity_at_desc', false).flat().map((c) => c.id)).toEqual([10, 9, 8, 7, 6]);
  });

  it('leaves a new conversation past the loaded pages to the next page, unless the list is complete', () => {
    const old = conversation(1);
    expect(placeInPages(pages, old, true, 'last_activity_at_desc', false).flat().map((c) => c.id)).toEqual([9, 8, 7, 6]);
    expect(placeInPages(pages, old, true, 'last_activity_at_desc', true).flat().map((c) => c.id)).toEqual([9, 8, 7, 6, 1]);
  });
});

describe('compareConversations', () => {
  it('puts urgent first and no priority last in priority_desc', () => {
    const list = [conversation(1), conversation(2, { priority: 'low' }), conversation(3, { priority: 'urgent' })];
    expect(list.sort((a, b) => compareConversations('priority_desc', a, b)).map((c) => c.id)).toEqual([3, 2, 1]);
  });

  it('puts the longest waiting first in waiting_since_asc, not waiting last', () => {
    const list = [conversation(1), conversation(2, { waiting_since: 500 }), conversation(3, { waiting_since: 100 })];
    expect(list.sort((a, b) => compareConversations('waiting_since_asc', a, b)).map((c) => c.id)).toEqual([3, 2, 1]);
  });
});
