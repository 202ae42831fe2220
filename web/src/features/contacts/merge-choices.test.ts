import { describe, expect, it } from 'vitest';
import type { Contact } from './contact-types';
import { mergedValue, mergeRows, preferMergeeList } from './merge-choices';

const contact = (fields: Partial<Contact>): Contact => ({
  id: 1,
  name: '',
  email: null,
  phone_number: null,
  identifier: null,
  thumbnail: '',
  blocked: false,
  additional_attributes: {},
  custom_attributes: {},
  last_activity_at: null,
  created_at: 0,
  contact_inboxes: [],
  ...fields,
});

describe('merge choices', () => {
  const base = contact({ name: 'Ana Souza', email: 'ana@base.test', additional_attributes: { city: 'Recife', company_name: 'ACME' } });
  const mergee = contact({ id: 2, name: 'Ana S.', email: 'ANA@BASE.TEST', phone_number: '+5581999990000', additional_attributes: { city: 'Natal' } });
  const rows = mergeRows(base, mergee);

  it('shows the fields either contact has; a choice only where both differ (case aside)', () => {
    expect(rows.map((r) => [r.field, r.conflict])).toEqual([
      ['name', true],
      ['email', false],
      ['phone_number', false],
      ['company_name', false],
      ['city', true],
    ]);
  });

  it('keeps the base’s value unless the mergee’s is chosen, and fills empty fields from either side', () => {
    const chosen = new Set(['city', 'phone_number'] as const);
    const result = Object.fromEntries(rows.map((r) => [r.field, mergedValue(r, chosen)]));
    expect(result).toEqual({ name: 'Ana Souza', email: 'ana@base.test', phone_number: '+5581999990000', company_name: 'ACME', city: 'Natal' });
    expect(preferMergeeList(rows, chosen)).toEqual(['city']);
  });
});
