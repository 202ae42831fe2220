import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n';
import { ImportContactsDialog } from './import-contacts-dialog';
import { fakeApi, renderWithAccount } from './test-support';

beforeAll(() => i18n.changeLanguage('pt-BR'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const job = (fields: object) => ({
  id: 12,
  status: 'running',
  file_name: 'clientes.csv',
  total_rows: 4000,
  processed_rows: 0,
  created_count: 0,
  updated_count: 0,
  rejected_count: 0,
  error: null,
  ...fields,
});

// Rendering Radix dialogs in jsdom is slow on a busy machine.
describe('ImportContactsDialog', { timeout: 30_000 }, () => {
  it('maps the file’s columns, starts the job, follows its progress and links the rejected rows', async () => {
    const progress = [job({ processed_rows: 1000 }), job({ status: 'completed', processed_rows: 4000, created_count: 3990, rejected_count: 10 })];
    const calls = fakeApi({
      'POST /api/v1/accounts/3/contacts/import': job({ status: 'queued' }),
      'GET /api/v1/accounts/3/contacts/imports/12': () => (progress.length > 1 ? progress.shift() : progress[0]),
    });
    renderWithAccount(<ImportContactsDialog onClose={() => undefined} />);
    const file = new File(['Código,Nome completo,E-mail,Cidade\n1,Ana,ana@x.test,Recife\n'], 'clientes.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Arquivo CSV'), { target: { files: [file] } });

    await screen.findByText('Associe as colunas aos campos', {}, { timeout: 10_000 });
    expect((screen.getByRole('combobox', { name: 'Nome' }) as HTMLSelectElement).value).toBe('1');
    expect((screen.getByRole('combobox', { name: 'E-mail' }) as HTMLSelectElement).value).toBe('2');
    expect((screen.getByRole('combobox', { name: 'Telefone' }) as HTMLSelectElement).value).toBe('');
    fireEvent.change(screen.getByRole('combobox', { name: 'Identificador' }), { target: { value: '0' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Cidade' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Iniciar importação' }));

    const bar = await screen.findByRole('progressbar', { name: 'Progresso da importação' });
    const upload = calls.find((c) => c.method === 'POST')!.body as FormData;
    expect(JSON.parse(upload.get('mapping') as string)).toEqual({ name: 1, email: 2, identifier: 0 });
    expect((upload.get('import_file') as File).name).toBe('clientes.csv');
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('25'), { timeout: 5000 });
    const summary = await screen.findByRole('status', { name: 'Resumo da importação' }, { timeout: 10_000 });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(summary.textContent).toContain('Importação concluída');
    expect(screen.getByRole('link', { name: 'Baixar linhas rejeitadas' }).getAttribute('href')).toBe('/api/v1/accounts/3/contacts/imports/12/rejected_rows');
  });

  it('refuses a file without a header line before uploading anything', async () => {
    const calls = fakeApi({});
    renderWithAccount(<ImportContactsDialog onClose={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Arquivo CSV'), { target: { files: [new File([''], 'vazio.csv', { type: 'text/csv' })] } });
    expect(await screen.findByText('O arquivo não tem uma linha de cabeçalho.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Iniciar importação' }) as HTMLButtonElement).disabled).toBe(true);
    expect(calls).toEqual([]);
  });
});
