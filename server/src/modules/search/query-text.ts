/**
 * Turns what someone typed into search terms: words of letters and digits (accents kept; the
 * database folds them), at most 8, each at most 64 characters.
 */
export function searchWords(text: string): string[] {
  return (text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8).map((w) => w.slice(0, 64));
}

/** A prefix-matching tsquery: every word must appear ("pagamento" also finds "pagamentos"). */
export function prefixTsQuery(words: string[]): string {
  return words.map((w) => `${w}:*`).join(' & ');
}

/** Escapes LIKE wildcards so a search for "50%" looks for those characters. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
