import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prefetchConversation, useConversation, useMessages } from './conversations-api';

afterEach(cleanup);

/** The server as the browser sees it: answers per path, and what was asked. */
let asked: string[] = [];
beforeEach(() => {
  asked = [];
  vi.stubGlobal('fetch', async (path: string) => {
    asked.push(path);
    const body = path.endsWith('/messages') ? { meta: {}, payload: [{ id: 11, content: 'Oi' }] } : { id: 7, unread_count: 0 };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

const conversationPath = '/api/v1/accounts/1/conversations/7';

describe('opening a conversation', () => {
  it('asks for the conversation and its latest messages together, before the panel asks', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    prefetchConversation(client, 1, 7);
    expect(asked).toEqual([conversationPath, `${conversationPath}/messages`]);

    // The panel then uses those answers: no second request for either.
    await waitFor(() => expect(client.isFetching()).toBe(0));
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const conversation = renderHook(() => useConversation(1, 7), { wrapper });
    const messages = renderHook(() => useMessages(1, 7), { wrapper });
    expect(conversation.result.current.data?.id).toBe(7);
    expect(messages.result.current.data?.pages[0]?.payload[0]?.id).toBe(11);
    expect(asked).toHaveLength(2);
  });

  it('a press and the click that follows ask once', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    prefetchConversation(client, 1, 7);
    await waitFor(() => expect(client.isFetching()).toBe(0));
    prefetchConversation(client, 1, 7);
    expect(asked).toEqual([conversationPath, `${conversationPath}/messages`]);
  });
});
