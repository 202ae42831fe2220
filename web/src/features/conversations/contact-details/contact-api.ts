import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ContactSummary } from '../conversation-types';

const contactPath = (accountId: number, id: number) => `/api/v1/accounts/${accountId}/contacts/${id}`;

export type AttributeDefinition = {
  id: number;
  attribute_key: string;
  attribute_display_name: string;
  attribute_display_type: 'text' | 'number' | 'currency' | 'percent' | 'link' | 'date' | 'list' | 'checkbox';
  attribute_values: string[];
};

export type ContactNote = { id: number; content: string; user: { id: number; available_name: string } | null; created_at: number };

export type ContactChanges = {
  name: string;
  email: string | null;
  phone_number: string | null;
  additional_attributes: Record<string, unknown>;
  custom_attributes: Record<string, unknown>;
};

export const contactDetailKeys = {
  definitions: (accountId: number) => ['accounts', accountId, 'custom-attributes', 'contact'] as const,
  notes: (accountId: number, contactId: number) => ['accounts', accountId, 'contacts', contactId, 'notes'] as const,
};

/** The account's contact attributes ("Atributos personalizados" of contacts). */
export function useContactAttributeDefinitions(accountId: number) {
  return useQuery({
    queryKey: contactDetailKeys.definitions(accountId),
    queryFn: () => api.get<AttributeDefinition[]>(`/api/v1/accounts/${accountId}/custom_attribute_definitions?attribute_model=contact_attribute`),
    staleTime: 60_000,
  });
}

export const updateContact = (accountId: number, id: number, changes: ContactChanges) =>
  api.put<{ payload: ContactSummary }>(contactPath(accountId, id), changes);

export function useContactNotes(accountId: number, contactId: number) {
  return useQuery({ queryKey: contactDetailKeys.notes(accountId, contactId), queryFn: () => api.get<ContactNote[]>(`${contactPath(accountId, contactId)}/notes`) });
}

export const addContactNote = (accountId: number, contactId: number, content: string) =>
  api.post<ContactNote>(`${contactPath(accountId, contactId)}/notes`, { content });

export const deleteContactNote = (accountId: number, contactId: number, noteId: number) =>
  api.delete<unknown>(`${contactPath(accountId, contactId)}/notes/${noteId}`);
