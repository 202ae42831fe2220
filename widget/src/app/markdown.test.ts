import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('agent Markdown', () => {
  it('renders emphasis, code, lists and safe links', () => {
    expect(renderMarkdown('**Oi** _você_ `x<y`')).toBe('<p><strong>Oi</strong> <em>você</em> <code>x&lt;y</code></p>');
    expect(renderMarkdown('- um\n- dois')).toBe('<ul><li>um</li><li>dois</li></ul>');
    expect(renderMarkdown('veja [o guia](https://example.test/a?b=1&c=2)')).toBe(
      '<p>veja <a href="https://example.test/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer nofollow">o guia</a></p>',
    );
    expect(renderMarkdown('linha 1\nlinha 2\n\npar 2')).toBe('<p>linha 1<br>linha 2</p><p>par 2</p>');
  });

  it('never lets markup or script URLs through', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '[clique](javascript:alert(1))',
      '[x](https://a.test/"onmouseover="alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '`<b>`**<i>**',
    ];
    for (const text of hostile) {
      const html = renderMarkdown(text);
      expect(html).not.toMatch(/<(?!\/?(p|br|strong|em|code|del|ul|ol|li|a)[\s>])/);
      expect(html).not.toContain('href="javascript');
      expect(html).not.toMatch(/<a [^>]*"on/);
    }
  });
});
