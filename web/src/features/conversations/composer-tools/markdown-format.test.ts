import { describe, expect, it } from 'vitest';
import { insertLink, insertText, normaliseLinkUrl, toggleInline, toggleList } from './markdown-format';
import { formatsFor, supportsSignature, withSignature } from './channel-formats';

const at = (text: string, selected: string) => {
  const start = text.indexOf(selected);
  return { text, start, end: start + selected.length };
};

describe('toggleInline', () => {
  it('wraps the selected words, keeping spaces at the edges outside the markers', () => {
    expect(toggleInline(at('say hello world', ' hello '), 'bold')).toEqual({ text: 'say **hello** world', start: 6, end: 11 });
    expect(toggleInline(at('say hello', 'hello'), 'italic').text).toBe('say _hello_');
    expect(toggleInline(at('say hello', 'hello'), 'strike').text).toBe('say ~~hello~~');
    expect(toggleInline(at('run npm ci', 'npm ci'), 'code').text).toBe('run `npm ci`');
  });

  it('removes the markers when the selection is already formatted, from inside or with them', () => {
    const wrapped = toggleInline(at('say hello', 'hello'), 'bold');
    expect(toggleInline(wrapped, 'bold')).toEqual({ text: 'say hello', start: 4, end: 9 });
    expect(toggleInline(at('say **hello**', '**hello**'), 'bold')).toEqual({ text: 'say hello', start: 4, end: 9 });
  });

  it('puts the caret between a pair of markers when nothing is selected', () => {
    expect(toggleInline({ text: 'ab', start: 1, end: 1 }, 'bold')).toEqual({ text: 'a****b', start: 3, end: 3 });
  });

  it('makes a fenced block of code spanning several lines', () => {
    const edit = toggleInline(at('x\nline 1\nline 2', 'line 1\nline 2'), 'code');
    expect(edit.text).toBe('x\n```\nline 1\nline 2\n```');
    expect(toggleInline(edit, 'code').text).toBe('x\nline 1\nline 2');
  });
});

describe('toggleList', () => {
  it('turns each touched line into a bulleted or numbered item, and back', () => {
    const text = 'intro\nfirst\nsecond\nend';
    const bullets = toggleList(at(text, 'rst\nsec'), 'bulletList');
    expect(bullets.text).toBe('intro\n- first\n- second\nend');
    expect(toggleList(bullets, 'bulletList').text).toBe(text);
    expect(toggleList(at(text, 'rst\nsec'), 'orderedList').text).toBe('intro\n1. first\n2. second\nend');
  });

  it('switches a bulleted list to a numbered one', () => {
    expect(toggleList(at('- a\n- b', '- a\n- b'), 'orderedList').text).toBe('1. a\n2. b');
  });
});

describe('links and emoji', () => {
  it('links the selection, or the address itself', () => {
    expect(insertLink(at('see docs here', 'docs'), 'https://x.io').text).toBe('see [docs](https://x.io) here');
    expect(insertLink({ text: 'a ', start: 2, end: 2 }, 'https://x.io').text).toBe('a [https://x.io](https://x.io)');
  });

  it('accepts only addresses the message renderer keeps', () => {
    expect(normaliseLinkUrl('exemplo.com.br/ajuda')).toBe('https://exemplo.com.br/ajuda');
    expect(normaliseLinkUrl('ana@exemplo.com')).toBe('mailto:ana@exemplo.com');
    expect(normaliseLinkUrl('http://a.b')).toBe('http://a.b');
    expect(normaliseLinkUrl('javascript:alert(1)')).toBeNull();
    expect(normaliseLinkUrl('not a link')).toBeNull();
  });

  it('inserts an emoji at the caret', () => {
    expect(insertText({ text: 'oi !', start: 3, end: 3 }, '😀')).toEqual({ text: 'oi 😀!', start: 5, end: 5 });
  });
});

describe('channel formats and signature', () => {
  it('offers Markdown formatting on live chat, API and e-mail inboxes only', () => {
    expect(formatsFor('Channel::WebWidget')).toContain('bold');
    expect(formatsFor('Channel::Api')).toContain('link');
    expect(formatsFor('Channel::Sms')).toEqual([]);
    expect(formatsFor('Channel::Whatsapp')).toEqual([]);
    expect(supportsSignature('Channel::Api')).toBe(true);
    expect(supportsSignature('Channel::Sms')).toBe(false);
  });

  it('appends the signature once, below a separator', () => {
    expect(withSignature('Olá', 'Ana\nSuporte')).toBe('Olá\n\n--\nAna\nSuporte');
    expect(withSignature('Olá\n\n--\nAna', 'Ana')).toBe('Olá\n\n--\nAna');
    expect(withSignature('Olá', '  ')).toBe('Olá');
  });
});
