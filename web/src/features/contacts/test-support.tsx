import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type { User, UserAccount } from '../../lib/api-types';
import { CurrentAccountProvider } from '../accounts/current-account';

/** Component tests' account: an administrator of account 3. */
export const ACCOUNT = { id: 3, name: 'Loja', status: 'active', role: 'administrator', permissions: ['contacts.read', 'contacts.manage', 'contacts.import', 'contacts.export', 'contacts.delete'] } as UserAccount;
const USER = { id: 1, name: 'Ana', accounts: [ACCOUNT] } as unknown as User;

export type Call = { method: string; url: string; body: unknown };

/** Answers the app's fetches from `routes` (`'GET /path'` → body); anything else is a 404. Records every call. */
export function fakeApi(routes: Record<string, unknown | ((call: Call) => unknown)>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const url = String(input);
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body;
      const call = { method, url, body };
      calls.push(call);
      const path = url.split('?')[0]!;
      const route = routes[`${method} ${url}`] ?? routes[`${method} ${path}`];
      if (route === undefined) return Promise.resolve(new Response(JSON.stringify({ code: 'not_found', message: 'Not found' }), { status: 404 }));
      const answer = typeof route === 'function' ? (route as (c: Call) => unknown)(call) : route;
      return Promise.resolve(new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } }));
    }),
  );
  return calls;
}

export function renderWithAccount(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <CurrentAccountProvider value={{ user: USER, account: ACCOUNT }}>{ui}</CurrentAccountProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
