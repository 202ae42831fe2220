/**
 * A key suggested from the display name, as the server accepts keys (letters, digits, "_", "-"):
 * "Número do Pedido" → "numero_do_pedido".
 */
export function attributeKeyFrom(displayName: string): string {
  return displayName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 255);
}

/** The options of a list attribute, one a line (or comma separated), blanks and repeats dropped. */
export function listValuesFrom(text: string): string[] {
  const values = text
    .split(/[\n,]/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return [...new Set(values)];
}

/** Whether the pattern compiles in the browser (the server stores it as given). */
export function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
