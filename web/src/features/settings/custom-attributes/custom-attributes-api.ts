import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { settingsKeys } from '../shared/settings-keys';

export const ATTRIBUTE_MODELS = ['conversation_attribute', 'contact_attribute'] as const;
export type AttributeModel = (typeof ATTRIBUTE_MODELS)[number];
export const ATTRIBUTE_TYPES = ['text', 'number', 'currency', 'percent', 'link', 'date', 'list', 'checkbox'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export type AttributeDefinition = {
  id: number;
  attribute_display_name: string;
  attribute_display_type: AttributeType;
  attribute_description: string | null;
  attribute_key: string;
  regex_pattern: string | null;
  regex_cue: string | null;
  attribute_values: string[];
  attribute_model: AttributeModel;
};

export type AttributeDefinitionInput = {
  attribute_display_name: string;
  attribute_description: string | null;
  attribute_values: string[];
  regex_pattern: string | null;
  regex_cue: string | null;
  attribute_key?: string;
  attribute_model?: AttributeModel;
  attribute_display_type?: AttributeType;
};

const definitionsPath = (accountId: number) => `/api/v1/accounts/${accountId}/custom_attribute_definitions`;

export const useAttributeDefinitions = (accountId: number) =>
  useQuery({ queryKey: settingsKeys.customAttributes(accountId), queryFn: () => api.get<AttributeDefinition[]>(definitionsPath(accountId)) });

export const createAttributeDefinition = (accountId: number, body: AttributeDefinitionInput) =>
  api.post<AttributeDefinition>(definitionsPath(accountId), body);
export const updateAttributeDefinition = (accountId: number, id: number, body: AttributeDefinitionInput) =>
  api.patch<AttributeDefinition>(`${definitionsPath(accountId)}/${id}`, body);
export const deleteAttributeDefinition = (accountId: number, id: number) => api.delete<unknown>(`${definitionsPath(accountId)}/${id}`);
