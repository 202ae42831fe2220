import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: true, async: false });
const TAGS = ['p', 'br', 'strong', 'em', 'a', 'img', 'del', 'code'];

/**
 * The signature as the sender sees it (their own text): Markdown with links and an https image
 * allowed; anything else (scripts, raw HTML attributes, other schemes) is dropped.
 */
export function renderSignature(markdown: string): string {
  const html = marked.parse(markdown) as string;
  const clean = DOMPurify.sanitize(html, { ALLOWED_TAGS: TAGS, ALLOWED_ATTR: ['href', 'src', 'alt', 'title'], ALLOW_DATA_ATTR: false });
  const holder = document.createElement('div');
  holder.innerHTML = clean;
  for (const img of holder.querySelectorAll('img')) if (!/^https:\/\//i.test(img.getAttribute('src') ?? '')) img.remove();
  for (const a of holder.querySelectorAll('a')) if (!/^(https?:|mailto:)/i.test(a.getAttribute('href') ?? '')) a.removeAttribute('href');
  return holder.innerHTML;
}

/** Wraps the selected text of a textarea in a Markdown mark (`**`, `_`), or inserts the mark around a placeholder. */
export function wrapSelection(text: string, start: number, end: number, mark: string, placeholder: string): { text: string; start: number; end: number } {
  const selected = text.slice(start, end) || placeholder;
  const next = `${text.slice(0, start)}${mark}${selected}${mark}${text.slice(end)}`;
  return { text: next, start: start + mark.length, end: start + mark.length + selected.length };
}

/** The Markdown of an inline image at the end of the signature, on its own line. */
export function appendImage(text: string, url: string, alt: string): string {
  const line = `![${alt.replace(/[[\]]/g, '')}](${url.trim()})`;
  return text.trim() ? `${text.trimEnd()}\n\n${line}` : line;
}
