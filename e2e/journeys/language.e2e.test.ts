// Journey 4: the dashboard speaks the browser's language (English or Portuguese), server errors
// included, and the language picker on the login page switches it (and remembers the choice).
import { beforeAll, expect, test } from 'vitest';
import { ensureOwnerAccount } from '../support/api';
import { DASHBOARD_PATH } from '../support/dashboard';
import { atPath, useJourney, visible } from '../support/journey';
import { OWNER } from '../support/people';

const journey = useJourney('language');

beforeAll(ensureOwnerAccount);

test('the login page follows the browser language and the language picker', async () => {
  const english = await journey.newPage({ locale: 'en-US' });

  await journey.step('an English browser sees the login page in English', english, async () => {
    await english.goto('/app/login');
    await visible(english.getByRole('heading', { name: 'Sign in to RocketHub' }));
    await visible(english.getByLabel('Email', { exact: true }));
    await visible(english.getByLabel('Password', { exact: true }));
    await visible(english.getByRole('button', { name: 'Sign in', exact: true }));
    await visible(english.getByRole('link', { name: 'Forgot your password?' }));
    expect(await english.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');
    expect(await english.locator('html').getAttribute('lang')).toBe('en');
  });

  await journey.step('server errors read in English', english, async () => {
    await english.getByLabel('Email', { exact: true }).fill('rogerio-at-example');
    await english.getByLabel('Password', { exact: true }).fill('whatever1');
    await english.getByRole('button', { name: 'Sign in', exact: true }).click();
    await visible(english.getByText('Enter a valid email address.'));
  });

  await journey.step('signed in, the dashboard is in English too', english, async () => {
    await english.getByLabel('Email', { exact: true }).fill(OWNER.email);
    await english.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await english.getByRole('button', { name: 'Sign in', exact: true }).click();
    await atPath(english, DASHBOARD_PATH);
    const nav = english.getByRole('navigation', { name: 'Main navigation' });
    for (const name of ['Conversations', 'Contacts', 'Reports', 'Settings', 'Notifications']) {
      await visible(nav.getByRole('link', { name, exact: true }));
    }
    await visible(english.getByRole('button', { name: `Current View: ${OWNER.accountName}` }));
    await visible(english.getByRole('link', { name: 'All Conversations', exact: true }));
  });

  const portuguese = await journey.newPage({ locale: 'pt-BR' });

  await journey.step('a Portuguese browser sees the login page in Portuguese', portuguese, async () => {
    await portuguese.goto('/app/login');
    await visible(portuguese.getByRole('heading', { name: 'Entrar no RocketHub' }));
    await visible(portuguese.getByLabel('E-mail', { exact: true }));
    await visible(portuguese.getByLabel('Senha', { exact: true }));
    await visible(portuguese.getByRole('button', { name: 'Entrar', exact: true }));
    await visible(portuguese.getByRole('link', { name: 'Esqueceu sua senha?' }));
    expect(await portuguese.getByRole('combobox', { name: 'Idioma' }).inputValue()).toBe('pt-BR');
    expect(await portuguese.locator('html').getAttribute('lang')).toBe('pt-BR');
  });

  await journey.step('server errors read in Portuguese', portuguese, async () => {
    await portuguese.getByLabel('E-mail', { exact: true }).fill('rogerio-at-example');
    await portuguese.getByLabel('Senha', { exact: true }).fill('qualquer1');
    await portuguese.getByRole('button', { name: 'Entrar', exact: true }).click();
    await visible(portuguese.getByText('Informe um endereço de e-mail válido.'));
  });

  await journey.step('switching to English changes the labels', portuguese, async () => {
    await portuguese.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
    await visible(portuguese.getByRole('heading', { name: 'Sign in to RocketHub' }));
    await visible(portuguese.getByLabel('Email', { exact: true }));
    await visible(portuguese.getByRole('button', { name: 'Sign in', exact: true }));
    await visible(portuguese.getByRole('combobox', { name: 'Language' }));
    // The error already on screen changes language with the rest.
    await visible(portuguese.getByText('Enter a valid email address.'));
    expect(await portuguese.locator('html').getAttribute('lang')).toBe('en');
  });

  await journey.step('the choice is remembered after a reload', portuguese, async () => {
    await portuguese.reload();
    await visible(portuguese.getByRole('heading', { name: 'Sign in to RocketHub' }));
    await portuguese.getByRole('link', { name: 'Forgot your password?' }).click();
    await visible(portuguese.getByRole('heading', { name: 'Reset password' }));
    await visible(portuguese.getByRole('button', { name: 'Send reset link' }));
  });

  await journey.step('switching back to Portuguese', portuguese, async () => {
    await portuguese.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Português (Brasil)' });
    await visible(portuguese.getByRole('heading', { name: 'Redefinir senha' }));
    await portuguese.getByRole('link', { name: 'Voltar para o login' }).click();
    await visible(portuguese.getByRole('heading', { name: 'Entrar no RocketHub' }));
    expect(await portuguese.getByRole('combobox', { name: 'Idioma' }).inputValue()).toBe('pt-BR');
  });
});
