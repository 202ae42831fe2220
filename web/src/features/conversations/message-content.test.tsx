import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageContent } from './message-content';

afterEach(cleanup);

/** What a hostile customer might send, hoping the agent's browser runs or loads it. */
const HOSTILE = [
  '<script>window.__pwned = true</script>',
  '<img src="https://tracker.example/pixel.gif?id=42">',
  '<img src=x onerror="window.__pwned = true">',
  '[clique aqui](javascript:window.__pwned=true)',
  '![logo](https://tracker.example/open.png)',
  '<a href="javascript:alert(1)">oferta</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload="window.__pwned = true"><circle r="5"/></svg>',
  '<div style="background:url(https://tracker.example/bg.png)">estilo</div>',
  '<form action="https://evil.example"><input name="senha"></form>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="https://ok.example" onclick="window.__pwned = true">link</a>',
  '<details open ontoggle="window.__pwned = true">x</details>',
];

function renderContent(content: string) {
  const { container } = render(<MessageContent content={content} />);
  return container;
}

describe('MessageContent with hostile customer payloads', () => {
  it.each(HOSTILE)('renders %s with nothing that can run or load', (payload) => {
    const requests = vi.spyOn(window, 'fetch');
    const container = renderContent(payload);

    expect(container.querySelectorAll('script, img, iframe, svg, object, embed, form, input, style, link, meta, video, audio, source')).toHaveLength(0);
    for (const element of container.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name.startsWith('on'), `${element.tagName} has ${attribute.name}`).toBe(false);
        expect(attribute.name).not.toBe('style');
        expect(attribute.name).not.toBe('src');
      }
    }
    for (const link of container.querySelectorAll('a')) {
      const href = link.getAttribute('href');
      if (href !== null) expect(href).toMatch(/^(https?:|mailto:|tel:)/);
      expect(link.getAttribute('rel')).toContain('noopener');
    }
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
    expect(requests).not.toHaveBeenCalled();
    requests.mockRestore();
  });

  it('shows raw HTML as the text the customer typed', () => {
    const container = renderContent('<b>negrito?</b> <script>alert(1)</script>');
    expect(container.textContent).toContain('<b>negrito?</b>');
    expect(container.querySelector('b')).toBeNull();
  });

  it('turns an image into a plain link instead of loading it', () => {
    const container = renderContent('![comprovante](https://files.example/comprovante.png)');
    const link = container.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://files.example/comprovante.png');
    expect(link?.textContent).toBe('comprovante');
    expect(link?.getAttribute('target')).toBe('_blank');
  });

  it('keeps the Markdown agents and customers use', () => {
    const container = renderContent('**Pedido** _urgente_ ~~cancelado~~ `#48213`\n\n- um\n- dois\n\n[rastreio](https://loja.example/rastreio)');
    expect(container.querySelector('strong')?.textContent).toBe('Pedido');
    expect(container.querySelector('em')?.textContent).toBe('urgente');
    expect(container.querySelector('del')?.textContent).toBe('cancelado');
    expect(container.querySelector('code')?.textContent).toBe('#48213');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://loja.example/rastreio');
  });

  it('shows a mention as the colleague’s name', () => {
    const container = renderContent('Olá [@Carla Mendes](mention://user/7/Carla%20Mendes), pode ver?');
    expect(container.textContent?.trim()).toBe('Olá @Carla Mendes, pode ver?');
    expect(container.querySelector('a')).toBeNull();
  });
});
