import { describe, expect, it } from 'vitest';
import type { Message } from './api';
import { mergeMessages, unseenAgentMessages } from './messages';

const message = (id: number, created_at: number, message_type = 0, content = `m${id}`): Message => ({
  id,
  content,
  message_type,
  content_type: 'text',
  content_attributes: {},
  created_at,
  conversation_id: 1,
  attachments: [],
  sender: null,
});

describe('widget messages', () => {
  it('merges a resync into the list: each message once, the server’s version, oldest first', () => {
    const shown = [message(1, 100), message(3, 300, 0, 'before edit')];
    const fresh = [message(2, 200, 1), message(3, 300, 0, 'after edit'), message(4, 300, 1)];
    expect(mergeMessages(shown, fresh).map((m) => [m.id, m.content])).toEqual([
      [1, 'm1'],
      [2, 'm2'],
      [3, 'after edit'],
      [4, 'm4'],
    ]);
  });

  it('tells agent messages once: not the visitor’s own, not what was already seen', () => {
    const seen = new Set([1]);
    expect(unseenAgentMessages(seen, [message(1, 100, 1), message(2, 200, 0), message(3, 300, 1), message(4, 400, 3)]).map((m) => m.id)).toEqual([3, 4]);
    expect(unseenAgentMessages(seen, [message(3, 300, 1), message(5, 500, 1)]).map((m) => m.id)).toEqual([5]);
  });
});
