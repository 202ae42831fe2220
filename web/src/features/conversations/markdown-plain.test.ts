import { describe, expect, it } from 'vitest';
import { markdownToPlain } from './markdown-plain';

describe('markdownToPlain', () => {
  it('shows formatted replies as the words the customer reads', () => {
    expect(markdownToPlain('A troca é **grátis** e leva _5 dias úteis_.\n1. Passo um\n2. Passo ~~dois~~')).toBe('A troca é grátis e leva 5 dias úteis. Passo um Passo dois');
    expect(markdownToPlain('Veja a [política](https://x.io/trocas) e rode `npm ci`')).toBe('Veja a política e rode npm ci');
    expect(markdownToPlain('[@Ana Souza](mention://user/3/Ana%20Souza) veja')).toBe('@Ana Souza veja');
  });

  it('leaves ordinary text alone', () => {
    expect(markdownToPlain('snake_case_name e 2 * 3 = 6')).toBe('snake_case_name e 2 * 3 = 6');
  });
});
