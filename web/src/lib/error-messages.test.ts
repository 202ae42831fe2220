import { beforeAll, describe, expect, it } from 'vitest';
import { translateFieldError } from './error-messages';
import { i18n } from './i18n';

beforeAll(async () => {
  await i18n.changeLanguage('pt-BR');
});

describe('translateFieldError', () => {
  it('says in the UI’s language that a URL must be http(s) (dashboard apps, webhooks)', () => {
    const error = { field: 'content.0.url', message: 'must be an http:// or https:// URL', code: 'custom' };
    expect(translateFieldError(error, i18n.t)).toBe('Informe um endereço que comece com http:// ou https://.');
  });
});
