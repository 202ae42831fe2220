import { describe, expect, it } from 'vitest';
import { centreSquare } from './avatar-image';
import { base64UrlToBytes } from './browser-push';
import { flagsOf, typesOf } from './notification-preferences';
import { appendImage, renderSignature, wrapSelection } from './signature-markdown';

describe('profile photo crop', () => {
  it('cuts the centred square of landscape, portrait and square pictures', () => {
    expect(centreSquare(1200, 800)).toEqual({ x: 200, y: 0, side: 800 });
    expect(centreSquare(300, 901)).toEqual({ x: 0, y: 301, side: 300 });
    expect(centreSquare(512, 512)).toEqual({ x: 0, y: 0, side: 512 });
  });
});

describe('signature', () => {
  it('renders bold, italic, links and an https image', () => {
    const html = renderSignature('**Rogério Moura**\n_Suporte_ [site](https://rockethub.example)\n\n![logo](https://cdn.example/logo.png)');
    expect(html).toContain('<strong>Rogério Moura</strong>');
    expect(html).toContain('<em>Suporte</em>');
    expect(html).toContain('href="https://rockethub.example"');
    expect(html).toContain('<img src="https://cdn.example/logo.png" alt="logo">');
  });

  it('drops scripts, handlers, plain-http images and javascript links', () => {
    const html = renderSignature('<script>alert(1)</script><img src=x onerror=alert(1)>\n\n![t](http://tracker.example/p.gif) [x](javascript:alert(1))');
    expect(html).not.toMatch(/script|onerror|tracker|javascript/);
  });

  it('wraps the selection in a mark, or a placeholder when nothing is selected', () => {
    expect(wrapSelection('Rogério Moura', 0, 7, '**', 'texto')).toEqual({ text: '**Rogério** Moura', start: 2, end: 9 });
    expect(wrapSelection('Olá ', 4, 4, '_', 'texto')).toEqual({ text: 'Olá _texto_', start: 5, end: 10 });
  });

  it('puts an inline image on its own line at the end', () => {
    expect(appendImage('Rogério Moura  ', ' https://cdn.example/a.png ', 'imagem')).toBe('Rogério Moura\n\n![imagem](https://cdn.example/a.png)');
    expect(appendImage('', 'https://cdn.example/a.png', 'a [b]')).toBe('![a b](https://cdn.example/a.png)');
  });
});

describe('notification preference flags', () => {
  it('turns the chosen events of a channel into the API flags and back', () => {
    const flags = flagsOf('push', ['conversation_mention', 'sla_missed_resolution']);
    expect(flags).toEqual(['push_conversation_mention', 'push_sla_missed_resolution']);
    expect([...typesOf('push', flags)]).toEqual(['conversation_mention', 'sla_missed_resolution']);
    expect([...typesOf('email', flags)]).toEqual([]);
  });
});

describe('VAPID key', () => {
  it('decodes base64url without padding', () => {
    expect([...base64UrlToBytes('BP8A-_8')]).toEqual([4, 255, 0, 251, 255]);
  });
});
