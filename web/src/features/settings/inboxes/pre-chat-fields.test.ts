import { describe, expect, it } from 'vitest';
import type { AttributeDefinition } from '../custom-attributes/custom-attributes-api';
import { changeField, preChatFieldsFor } from './pre-chat-fields';

const definition = (over: Partial<AttributeDefinition>): AttributeDefinition => ({
  id: 1,
  attribute_display_name: 'Plano',
  attribute_display_type: 'list',
  attribute_description: null,
  attribute_key: 'plano',
  regex_pattern: null,
  regex_cue: null,
  attribute_values: ['Ouro', 'Prata'],
  attribute_model: 'contact_attribute',
  ...over,
});

describe('pre-chat form fields', () => {
  it('offers the standard fields and every custom attribute, off by default', () => {
    const fields = preChatFieldsFor(undefined, [definition({}), definition({ id: 2, attribute_key: 'pedido', attribute_display_name: 'Pedido', attribute_display_type: 'number', attribute_model: 'conversation_attribute' })]);
    expect(fields.map((f) => [f.name, f.enabled, f.required])).toEqual([
      ['fullName', true, false],
      ['emailAddress', true, true],
      ['phoneNumber', false, false],
      ['plano', false, false],
      ['pedido', false, false],
    ]);
    expect(fields[3]).toMatchObject({ field_type: 'contact_attribute', type: 'list', values: ['Ouro', 'Prata'], label: 'Plano' });
    expect(fields[4]).toMatchObject({ field_type: 'conversation_attribute', type: 'number' });
  });

  it('keeps what the inbox stored and drops fields of deleted attributes', () => {
    const fields = preChatFieldsFor(
      [
        { name: 'emailAddress', label: 'Seu e-mail', type: 'email', field_type: 'standard', required: false, enabled: false },
        { name: 'plano', label: 'Seu plano', type: 'list', field_type: 'contact_attribute', required: true, enabled: true },
        { name: 'apagado', label: 'Apagado', type: 'text', field_type: 'contact_attribute', required: true, enabled: true },
      ],
      [definition({})],
    );
    expect(fields.map((f) => f.name)).toEqual(['fullName', 'emailAddress', 'phoneNumber', 'plano']);
    expect(fields[1]).toMatchObject({ label: 'Seu e-mail', enabled: false, required: false });
    expect(fields[3]).toMatchObject({ label: 'Seu plano', enabled: true, required: true });
  });

  it('a required field is always enabled, a disabled one never required', () => {
    let fields = preChatFieldsFor(undefined, [definition({})]);
    fields = changeField(fields, 'plano', { required: true });
    expect(fields[3]).toMatchObject({ enabled: true, required: true });
    fields = changeField(fields, 'plano', { enabled: false });
    expect(fields[3]).toMatchObject({ enabled: false, required: false });
    expect(fields[0]).toMatchObject({ name: 'fullName', enabled: true });
  });
});
