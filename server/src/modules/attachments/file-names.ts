import { extensionOf } from './sniff';

const MAX_NAME = 255;
const MAX_STORED_NAME = 80;
/** Besides C0 controls: DEL, line and paragraph separators, and the replacement character of broken text. */
const UNWANTED_IN_NAMES = new Set(['\u007f', '\u2028', '\u2029', '\ufffd']);

/**
 * The name shown to people: the client's file name without any folder part or control
 * characters, at most 255 characters (extension kept); `file.<ext>` when there is none, and the
 * type's extension added when the name has none.
 */
export function displayFileName(clientName: string | undefined, typeExtension: string): string {
  const base = (clientName ?? '').toWellFormed().split(/[/\\]/).pop() ?? '';
  let name = [...base].filter((c) => !UNWANTED_IN_NAMES.has(c) && c.charCodeAt(0) >= 0x20).join('').trim();
  if (name === '' || /^\.+$/.test(name)) name = 'file';
  if (extensionOf(name) === '') name = `${name}.${typeExtension}`;
  return truncateKeepingExtension(name, MAX_NAME);
}

/**
 * The name inside storage keys and URLs: ASCII letters, digits, `.`, `_` and `-` only (accents
 * dropped, anything else `_`), never starting with a dot, at most 80 characters.
 */
export function storedFileName(displayName: string): string {
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/_+/g, '_');
  const extension = ascii(extensionOf(displayName)).replace(/[^a-z0-9]/g, '').slice(0, 15);
  const stemOf = extension ? displayName.slice(0, displayName.lastIndexOf('.')) : displayName;
  const stem = ascii(stemOf).replace(/^[._-]+|[._-]+$/g, '') || 'file';
  const suffix = extension ? `.${extension}` : '';
  return stem.slice(0, MAX_STORED_NAME - suffix.length) + suffix;
}

/** `inline` or `attachment`, with the name for old clients (ASCII) and for everyone else (RFC 6266 / 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function truncateKeepingExtension(name: string, max: number): string {
  const characters = [...name];
  if (characters.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const suffix = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return characters.slice(0, max - [...suffix].length).join('') + suffix;
}
