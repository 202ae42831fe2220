import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n';
import { OnboardingPage } from './onboarding-page';

/** The bodies the page posts to create the account; that request never answers, so the page stays waiting. */
let signUps: Record<string, unknown>[] = [];

beforeEach(async () => {
  signUps = [];
  await i18n.changeLanguage('pt-BR');
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith('/api/v1/accounts') && init?.method === 'POST') {
        signUps.push(JSON.parse(String(init.body)) as Record<string, unknown>);
        return new Promise<Response>(() => undefined);
      }
      if (url.includes('/api/v1/installation')) {
        return Promise.resolve(new Response(JSON.stringify({ needs_onboarding: true, dev_mailbox: false }), { headers: { 'Content-Type': 'application/json' } }));
      }
      return Promise.resolve(new Response('{}', { status: 404, headers: { 'Content-Type': 'application/json' } }));
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fillAndSubmit(withDemo: boolean) {
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <OnboardingPage />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  fireEvent.change(screen.getByLabelText('Nome da conta'), { target: { value: 'Loja Aurora' } });
  fireEvent.change(screen.getByLabelText('Seu nome'), { target: { value: 'Ana Souza' } });
  fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'ana@aurora.example' } });
  fireEvent.change(screen.getByLabelText('Senha'), { target: { value: 'Foguete#2025' } });
  if (withDemo) fireEvent.click(screen.getByRole('checkbox', { name: /Preencher com dados de demonstração/ }));
  fireEvent.submit(screen.getByRole('button', { name: 'Criar conta' }).closest('form')!);
}

describe('onboarding: "Preencher com dados de demonstração"', () => {
  it('asks the server to fill the new account, and says it is preparing the data', async () => {
    fillAndSubmit(true);
    await waitFor(() => expect(signUps).toHaveLength(1));
    expect(signUps[0]).toMatchObject({ account_name: 'Loja Aurora', email: 'ana@aurora.example', with_demo_data: true });
    await screen.findByText('Preparando os dados de demonstração… isso leva alguns segundos.');
  });

  it('leaves the account empty when unticked', async () => {
    fillAndSubmit(false);
    await waitFor(() => expect(signUps).toHaveLength(1));
    expect(signUps[0]).not.toHaveProperty('with_demo_data');
    expect(screen.queryByText(/Preparando os dados de demonstração/)).toBeNull();
  });
});
