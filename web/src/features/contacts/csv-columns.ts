/** The contact fields a CSV column can fill (the import's `mapping` keys), custom attributes aside. */
export const IMPORT_FIELDS = ['name', 'email', 'phone_number', 'identifier', 'company_name', 'city', 'country', 'country_code', 'description'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column titles people give these fields, in Portuguese and English, folded (see `fold`). */
const ALIASES: Record<ImportField, string[]> = {
  name: ['name', 'nome', 'nome completo', 'full name', 'cliente'],
  email: ['email', 'e-mail', 'e mail', 'mail', 'email address'],
  phone_number: ['phone_number', 'phone', 'telefone', 'celular', 'whatsapp', 'fone', 'mobile', 'phone number'],
  identifier: ['identifier', 'identificador', 'id externo', 'external id', 'id'],
  company_name: ['company_name', 'company', 'empresa', 'company name'],
  city: ['city', 'cidade'],
  country: ['country', 'pais'],
  country_code: ['country_code', 'codigo do pais', 'country code'],
  description: ['description', 'descricao', 'notes', 'observacoes'],
};

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/** The first record of a CSV text (its header), honouring quotes; a BOM is dropped. */
export function csvHeader(text: string): string[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell.trim());
      cell = '';
    } else if (char === '\n' || char === '\r') break;
    else cell += char;
  }
  cells.push(cell.trim());
  return cells.length === 1 && cells[0] === '' ? [] : cells;
}

/** Each field to the column whose title names it (first match), as 0-based indexes. */
export function guessMapping(headers: string[]): Partial<Record<ImportField, number>> {
  const folded = headers.map(fold);
  const mapping: Partial<Record<ImportField, number>> = {};
  const taken = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const aliases = ALIASES[field].map(fold);
    const index = folded.findIndex((h, i) => !taken.has(i) && aliases.includes(h));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}
