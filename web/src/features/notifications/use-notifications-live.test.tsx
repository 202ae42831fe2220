import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { publishLiveEvent } from '../../lib/live-events';
import { notificationKeys } from './notifications-api';
import { useNotificationsLive } from './use-notifications-live';

afterEach(cleanup);

function setup(accountId: number) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(notificationKeys.unread(accountId), 0);
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const hook = renderHook(() => useNotificationsLive(accountId), { wrapper });
  return { client, hook };
}

describe('live notification badge', () => {
  it('takes the unread count from notification events of its account, at once', () => {
    const { client } = setup(3);
    act(() => publishLiveEvent({ event: 'notification.created', data: { account_id: 3, unread_count: 4, notification: { id: 1 } } }));
    expect(client.getQueryData(notificationKeys.unread(3))).toBe(4);
    act(() => publishLiveEvent({ event: 'notification.updated', data: { account_id: 3, unread_count: 0 } }));
    expect(client.getQueryData(notificationKeys.unread(3))).toBe(0);
  });

  it('ignores other accounts and other events, and stops listening when unmounted', () => {
    const { client, hook } = setup(3);
    act(() => publishLiveEvent({ event: 'notification.created', data: { account_id: 9, unread_count: 5 } }));
    act(() => publishLiveEvent({ event: 'message.created', data: { account_id: 3, unread_count: 6 } }));
    expect(client.getQueryData(notificationKeys.unread(3))).toBe(0);
    hook.unmount();
    act(() => publishLiveEvent({ event: 'notification.created', data: { account_id: 3, unread_count: 2 } }));
    expect(client.getQueryData(notificationKeys.unread(3))).toBe(0);
  });
});
