import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { User, UserAccount } from '../../../lib/api-types';
import { i18n } from '../../../lib/i18n';
import { CurrentAccountProvider } from '../../accounts/current-account';
import { testAgent } from '../../agents/test-agent';
import type { SettingsInbox } from './inboxes-api';
import { InboxMembersTab } from './inbox-members-tab';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
beforeAll(async () => {
  await i18n.changeLanguage('pt-BR');
});

const AGENTS = [testAgent(1, 'Ana Souza'), testAgent(2, 'Bruno Lima'), testAgent(3, 'Carla Dias')];
const INBOX = { id: 42, enable_auto_assignment: false, auto_assignment_config: {} } as SettingsInbox;

type Call = { method: string; url: string; body: unknown };

/** The server as the tab sees it: the account's agents, the inbox's members (Ana), and every change recorded. */
function stubServer(): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body: unknown = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const json = (value: unknown) => Promise.resolve(new Response(JSON.stringify(value), { status: 200 }));
    if (url.endsWith('/agents')) return json(AGENTS);
    if (url.endsWith('/inbox_members/42')) return json({ payload: [AGENTS[0]] });
    if (url.endsWith('/inbox_members')) return json({ payload: AGENTS });
    if (url.endsWith('/inboxes/42')) return json({ ...INBOX, ...(body as object) });
    return json({});
  });
  return calls;
}

function renderTab() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const current = { user: { id: 1 } as User, account: { id: 7, permissions: ['inboxes.manage'] } as UserAccount };
  render(
    <QueryClientProvider client={client}>
      <CurrentAccountProvider value={current}>
        <InboxMembersTab inbox={INBOX} />
      </CurrentAccountProvider>
    </QueryClientProvider>,
  );
}

describe('InboxMembersTab', () => {
  it('refuses a capacity the server would refuse, without asking it', async () => {
    const calls = stubServer();
    renderTab();
    fireEvent.click(await screen.findByLabelText('Ativar atribuição automática'));
    fireEvent.change(screen.getByLabelText('Capacidade por agente'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    await screen.findByText('Informe um número inteiro de 1 a 1000, ou deixe em branco.');
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('saves the members, auto-assignment and the capacity together', async () => {
    const calls = stubServer();
    renderTab();
    expect(((await screen.findByLabelText('Ana Souza')) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Carla Dias'));
    fireEvent.click(screen.getByLabelText('Ativar atribuição automática'));
    fireEvent.change(screen.getByLabelText('Capacidade por agente'), { target: { value: ' 10 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    await screen.findByText('Alterações salvas.');
    const changes = calls.filter((c) => c.method !== 'GET');
    expect(changes).toContainEqual({
      method: 'PATCH',
      url: '/api/v1/accounts/7/inboxes/42',
      body: { enable_auto_assignment: true, auto_assignment_config: { max_assignment_limit: 10 } },
    });
    expect(changes).toContainEqual({ method: 'PATCH', url: '/api/v1/accounts/7/inbox_members', body: { inbox_id: 42, user_ids: [1, 3] } });
  });

  it('a blank capacity means no limit', async () => {
    const calls = stubServer();
    renderTab();
    fireEvent.click(await screen.findByLabelText('Ativar atribuição automática'));
    fireEvent.click(screen.getByRole('button', { name: 'Salvar' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH' && c.url.endsWith('/inboxes/42'))).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/inboxes/42') && c.method === 'PATCH')?.body).toEqual({
      enable_auto_assignment: true,
      auto_assignment_config: { max_assignment_limit: null },
    });
  });
});
