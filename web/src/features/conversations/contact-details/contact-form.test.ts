import { describe, expect, it } from 'vitest';
import type { AttributeDefinition } from './contact-api';
import { changesFromForm, formFromContact } from './contact-form';

const definition = (attribute_key: string, attribute_display_type: AttributeDefinition['attribute_display_type']): AttributeDefinition => ({
  id: 1,
  attribute_key,
  attribute_display_name: attribute_key,
  attribute_display_type,
  attribute_values: [],
});
const definitions = [definition('plano', 'list'), definition('pedidos', 'number'), definition('vip', 'checkbox')];

describe('contact form', () => {
  it('fills the fields from the contact, attributes included', () => {
    const form = formFromContact(
      { id: 1, name: 'Ana', email: null, phone_number: '+5511999990000', thumbnail: null, additional_attributes: { city: 'Recife' }, custom_attributes: { pedidos: 3, vip: true } },
      definitions,
    );
    expect(form).toEqual({ name: 'Ana', email: '', phone_number: '+5511999990000', company_name: '', city: 'Recife', custom: { plano: '', pedidos: '3', vip: true } });
  });

  it('sends typed values, and cleared fields as null so they clear', () => {
    const changes = changesFromForm(
      { name: ' Ana Lima ', email: ' ', phone_number: '', company_name: 'Loja', city: '', custom: { plano: 'Ouro', pedidos: '4,5', vip: false } },
      definitions,
    );
    expect(changes).toEqual({
      name: 'Ana Lima',
      email: null,
      phone_number: null,
      additional_attributes: { company_name: 'Loja', city: null },
      custom_attributes: { plano: 'Ouro', pedidos: 4.5, vip: false },
    });
  });
});
