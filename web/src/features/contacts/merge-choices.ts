import type { Contact } from './contact-types';

/** Fields whose winner the merge lets you choose (as `prefer_mergee` names them). */
export const MERGE_FIELDS = ['name', 'email', 'phone_number', 'identifier', 'company_name', 'city', 'country', 'description'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
const ADDITIONAL = new Set<MergeField>(['company_name', 'city', 'country', 'description']);

export type MergeRow = { field: MergeField; base: string; mergee: string; conflict: boolean };

function valueOf(contact: Contact, field: MergeField): string {
  const raw = ADDITIONAL.has(field) ? contact.additional_attributes[field] : contact[field as 'name' | 'email' | 'phone_number' | 'identifier'];
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
}

/**
 * The fields either contact has, side by side. Only a conflict (both have different values) is a
 * choice; where one side is empty the merge keeps the other's value.
 */
export function mergeRows(base: Contact, mergee: Contact): MergeRow[] {
  return MERGE_FIELDS.map((field) => {
    const b = valueOf(base, field);
    const m = valueOf(mergee, field);
    return { field, base: b, mergee: m, conflict: b !== '' && m !== '' && b.toLowerCase() !== m.toLowerCase() };
  }).filter((row) => row.base !== '' || row.mergee !== '');
}

/** The value each field ends with, given the fields where the mergee was chosen. */
export function mergedValue(row: MergeRow, preferMergee: ReadonlySet<MergeField>): string {
  if (row.conflict) return preferMergee.has(row.field) ? row.mergee : row.base;
  return row.base || row.mergee;
}

/** `prefer_mergee` for the request: chosen conflicts only. */
export const preferMergeeList = (rows: MergeRow[], chosen: ReadonlySet<MergeField>): MergeField[] =>
  rows.filter((r) => r.conflict && chosen.has(r.field)).map((r) => r.field);
