/** The text of the reply box and its selection; formatting returns a new one (the textarea is controlled). */
export type Edit = { text: string; start: number; end: number };

export type InlineFormat = 'bold' | 'italic' | 'strike' | 'code';
export type BlockFormat = 'bulletList' | 'orderedList';
export type Format = InlineFormat | BlockFormat | 'link';

const MARKERS: Record<InlineFormat, string> = { bold: '**', italic: '_', strike: '~~', code: '`' };

/** Wraps the selection in the format's Markdown marker, or removes it when the selection is already wrapped. */
export function toggleInline(edit: Edit, format: InlineFormat): Edit {
  const { text, start, end } = edit;
  const selected = text.slice(start, end);
  if (format === 'code' && selected.includes('\n')) return toggleCodeBlock(edit);
  const marker = MARKERS[format];
  const m = marker.length;
  const wrappedOutside = text.slice(start - m, start) === marker && text.slice(end, end + m) === marker;
  if (wrappedOutside && start - m >= 0) {
    return { text: text.slice(0, start - m) + selected + text.slice(end + m), start: start - m, end: end - m };
  }
  const wrappedInside = selected.length >= 2 * m && selected.startsWith(marker) && selected.endsWith(marker);
  if (wrappedInside) {
    const inner = selected.slice(m, selected.length - m);
    return { text: text.slice(0, start) + inner + text.slice(end), start, end: start + inner.length };
  }
  // Markers must touch the words: spaces selected at either side stay outside.
  const lead = selected.length - selected.trimStart().length;
  const trail = selected.length - selected.trimEnd().length;
  const core = selected.trim();
  if (!core) {
    return { text: text.slice(0, start) + marker + marker + text.slice(end), start: start + m, end: start + m };
  }
  const from = start + lead;
  const to = end - trail;
  return { text: text.slice(0, from) + marker + core + marker + text.slice(to), start: from + m, end: to + m };
}

function toggleCodeBlock({ text, start, end }: Edit): Edit {
  const selected = text.slice(start, end);
  const fenced = /^```\n([\s\S]*)\n```$/.exec(selected);
  if (fenced) return { text: text.slice(0, start) + fenced[1] + text.slice(end), start, end: start + fenced[1]!.length };
  const block = '```\n' + selected + '\n```';
  return { text: text.slice(0, start) + block + text.slice(end), start, end: start + block.length };
}

const BULLET = /^- /;
const ORDERED = /^\d+\. /;

/** Turns the lines the selection touches into a list item each, or back into plain lines when they all already are. */
export function toggleList({ text, start, end }: Edit, format: BlockFormat): Edit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const pattern = format === 'bulletList' ? BULLET : ORDERED;
  const allListed = lines.every((line) => pattern.test(line));
  const plain = lines.map((line) => line.replace(BULLET, '').replace(ORDERED, ''));
  const next = allListed ? plain : plain.map((line, i) => (format === 'bulletList' ? `- ${line}` : `${i + 1}. ${line}`));
  const block = next.join('\n');
  const result = text.slice(0, lineStart) + block + text.slice(lineEnd);
  const caret = lineStart + block.length;
  return { text: result, start: lines.length === 1 && start === end ? caret : lineStart, end: caret };
}

/** A Markdown link on the selection (or on the address itself when nothing is selected). */
export function insertLink({ text, start, end }: Edit, url: string): Edit {
  const label = text.slice(start, end).trim() || url;
  const link = `[${label}](${url})`;
  return { text: text.slice(0, start) + link + text.slice(end), start: start + link.length, end: start + link.length };
}

/** Only addresses a reader can follow safely become links (the message renderer drops anything else). */
export function normaliseLinkUrl(input: string): string | null {
  const url = input.trim();
  if (!url || /\s/.test(url)) return null;
  if (/^(https?:|mailto:|tel:)/i.test(url)) return url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(url)) return `mailto:${url}`;
  if (/^[\w-]+(\.[\w-]+)+/.test(url)) return `https://${url}`;
  return null;
}

/** Text inserted at the selection (emoji), caret after it. */
export function insertText({ text, start, end }: Edit, insert: string): Edit {
  const caret = start + insert.length;
  return { text: text.slice(0, start) + insert + text.slice(end), start: caret, end: caret };
}

/** Keyboard shortcuts of the formatting buttons (with Ctrl or ⌘; Ctrl/⌘ + K stays the command palette's). */
export const FORMAT_KEYS: Record<string, InlineFormat> = { b: 'bold', i: 'italic', e: 'code' };
