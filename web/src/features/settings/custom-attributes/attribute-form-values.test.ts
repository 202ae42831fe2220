import { describe, expect, it } from 'vitest';
import { attributeKeyFrom, isValidPattern, listValuesFrom } from './attribute-form-values';

describe('custom attribute form values', () => {
  it('suggests a key the server accepts from the display name', () => {
    expect(attributeKeyFrom('Número do Pedido')).toBe('numero_do_pedido');
    expect(attributeKeyFrom('  Plano (mensal)  ')).toBe('plano_mensal');
    expect(attributeKeyFrom('CPF/CNPJ')).toBe('cpf_cnpj');
    expect(attributeKeyFrom('!!!')).toBe('');
    expect(attributeKeyFrom('Ação')).toMatch(/^[\p{L}\p{N}_-]+$/u);
  });

  it('reads list options one a line or comma separated, without blanks or repeats', () => {
    expect(listValuesFrom('Ouro\nPrata, Bronze\n\nOuro\n  ')).toEqual(['Ouro', 'Prata', 'Bronze']);
    expect(listValuesFrom('')).toEqual([]);
  });

  it('tells a broken regular expression apart', () => {
    expect(isValidPattern('^\\d{5}-\\d{3}$')).toBe(true);
    expect(isValidPattern('([a-z]')).toBe(false);
  });
});
