import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Agent, Availability, User, UserAccount } from '../../lib/api-types';
import { i18n } from '../../lib/i18n';
import { CurrentAccountProvider } from '../accounts/current-account';
import { applyAgentPresence, availabilityFromPresence } from './agent-presence';
import { AgentsPage } from './agents-page';
import { testAgent } from './test-agent';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
beforeAll(async () => {
  await i18n.changeLanguage('pt-BR');
});

const agent = (id: number, name: string, availability: Availability): Agent => testAgent(id, name, { availability_status: availability });
const AGENTS = [agent(1, 'Ana Souza', 'online'), agent(2, 'Bruno Lima', 'busy'), agent(3, 'Carla Dias', 'offline')];

function renderPage() {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(AGENTS), { status: 200 })));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const current = { user: { id: 1 } as User, account: { id: 7, permissions: ['agents.manage'] } as UserAccount };
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <CurrentAccountProvider value={current}>
          <AgentsPage />
        </CurrentAccountProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return client;
}

/** The availability shown in an agent's row: its label and the dot's state. */
async function availabilityOf(name: string) {
  const row = (await screen.findByText(name)).closest('li');
  if (!row) throw new Error(`no row for ${name}`);
  const cell = row.querySelector('[data-availability]');
  return { state: cell?.getAttribute('data-availability'), label: cell?.textContent, row: within(row as HTMLElement) };
}

describe('AgentsPage availability', () => {
  it('shows each agent as online, busy or offline', async () => {
    renderPage();
    expect(await availabilityOf('Ana Souza')).toMatchObject({ state: 'online', label: 'Online' });
    expect(await availabilityOf('Bruno Lima')).toMatchObject({ state: 'busy', label: 'Ocupado' });
    expect(await availabilityOf('Carla Dias')).toMatchObject({ state: 'offline', label: 'Offline' });
  });

  it('follows live presence: an agent missing from presence.update is offline', async () => {
    const client = renderPage();
    await screen.findByText('Carla Dias');
    act(() => applyAgentPresence(client, 7, { 1: 'busy', 3: 'online' }));
    expect(await availabilityOf('Ana Souza')).toMatchObject({ state: 'busy' });
    expect(await availabilityOf('Bruno Lima')).toMatchObject({ state: 'offline' });
    expect(await availabilityOf('Carla Dias')).toMatchObject({ state: 'online', label: 'Online' });
  });
});

describe('availabilityFromPresence', () => {
  it('treats unknown statuses and absent agents as offline', () => {
    expect(availabilityFromPresence({ 5: 'busy' }, 5)).toBe('busy');
    expect(availabilityFromPresence({ 5: 'away' }, 5)).toBe('offline');
    expect(availabilityFromPresence({}, 5)).toBe('offline');
  });
});
