import { describe, expect, it } from 'vitest';
import { csvHeader, guessMapping } from './csv-columns';

describe('csvHeader', () => {
  it('reads the first record, honouring quotes, escaped quotes and a BOM', () => {
    expect(csvHeader('\uFEFFNome,"E-mail, principal","Diz ""oi""",Telefone\r\nAna,a@x,1,2\n')).toEqual(['Nome', 'E-mail, principal', 'Diz "oi"', 'Telefone']);
    expect(csvHeader('name\n')).toEqual(['name']);
    expect(csvHeader('')).toEqual([]);
  });
});

describe('guessMapping', () => {
  it('maps Portuguese and English titles, accents and case aside, each column once', () => {
    expect(guessMapping(['Nome', 'E-mail', 'Celular', 'Empresa', 'Cidade', 'País', 'Observações', 'Outro'])).toEqual({
      name: 0,
      email: 1,
      phone_number: 2,
      company_name: 3,
      city: 4,
      country: 5,
      description: 6,
    });
    expect(guessMapping(['email', 'phone_number', 'identifier', 'company_name', 'country_code'])).toEqual({
      email: 0,
      phone_number: 1,
      identifier: 2,
      company_name: 3,
      country_code: 4,
    });
    expect(guessMapping(['coluna a', 'coluna b'])).toEqual({});
  });
});
