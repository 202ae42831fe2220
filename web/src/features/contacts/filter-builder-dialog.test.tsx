import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n';
import { FilterBuilderDialog } from './filter-builder-dialog';
import { fakeApi, renderWithAccount } from './test-support';

beforeAll(() => i18n.changeLanguage('pt-BR'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const API = {
  'GET /api/v1/accounts/3/labels': { payload: [{ id: 1, title: 'vip', color: '#f00', description: null, show_on_sidebar: true }] },
  'GET /api/v1/accounts/3/custom_attribute_definitions': [
    { id: 9, attribute_display_name: 'Plano', attribute_display_type: 'list', attribute_key: 'plano', attribute_values: ['ouro', 'prata'], attribute_model: 'contact_attribute' },
  ],
};

const select = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

// Rendering Radix dialogs in jsdom is slow on a busy machine.
describe('FilterBuilderDialog', { timeout: 30_000 }, () => {
  it('builds AND/OR conditions on fields, labels and custom attributes, and refuses an incomplete one', async () => {
    fakeApi(API);
    const onApply = vi.fn();
    renderWithAccount(<FilterBuilderDialog initial={[]} onClose={() => undefined} onApply={onApply} onSaved={() => undefined} />);
    await screen.findByRole('option', { name: 'Plano' }, { timeout: 10_000 });

    select('Campo da condição 1', 'standard:created_at');
    select('Operador da condição 1', 'is_less_than');
    fireEvent.click(screen.getByRole('button', { name: 'Aplicar filtros' }));
    expect(await screen.findByText('Informe um valor.')).toBeTruthy();
    expect(onApply).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Valor da condição 1'), { target: { value: '2026-01-31' } });

    fireEvent.click(screen.getByRole('button', { name: 'Adicionar condição' }));
    select('Operador antes da condição 2', 'OR');
    select('Campo da condição 2', 'custom_attribute:plano');
    select('Valor da condição 2', 'prata');
    fireEvent.click(screen.getByRole('button', { name: 'Adicionar condição' }));
    select('Campo da condição 3', 'standard:labels');
    select('Operador da condição 3', 'is_present');
    expect(screen.queryByLabelText('Valor da condição 3')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Aplicar filtros' }));
    expect(onApply).toHaveBeenCalledWith([
      { attribute_key: 'created_at', attribute_model: 'standard', filter_operator: 'is_less_than', values: ['2026-01-31'], query_operator: 'OR' },
      { attribute_key: 'plano', attribute_model: 'custom_attribute', filter_operator: 'equal_to', values: ['prata'], query_operator: 'AND' },
      { attribute_key: 'labels', attribute_model: 'standard', filter_operator: 'is_present', values: ['vip'], query_operator: 'AND' },
    ]);
  });

  it('saves the conditions as a contact segment under the given name', async () => {
    const calls = fakeApi({
      ...API,
      'POST /api/v1/accounts/3/custom_filters': (call: { body: unknown }) => ({ id: 44, name: 'VIP', filter_type: 'contact', query: (call.body as { query: unknown }).query }),
      'GET /api/v1/accounts/3/custom_filters': [],
    });
    const onSaved = vi.fn();
    renderWithAccount(<FilterBuilderDialog initial={[]} onClose={() => undefined} onApply={() => undefined} onSaved={onSaved} />);
    fireEvent.change(screen.getByLabelText('Valor da condição 1'), { target: { value: 'Ana' } });
    fireEvent.change(screen.getByLabelText('Nome do segmento'), { target: { value: ' VIP ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salvar segmento' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 44 })), { timeout: 10_000 });
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'VIP',
      filter_type: 'contact',
      query: { payload: [{ attribute_key: 'name', attribute_model: 'standard', filter_operator: 'equal_to', values: ['Ana'], query_operator: 'AND' }] },
    });
  });
});
