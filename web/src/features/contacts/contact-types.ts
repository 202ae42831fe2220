/** The contacts API's shapes, as the server sends them (Chatwoot's field names, Unix seconds). */

export type ContactInboxRef = {
  source_id: string;
  inbox: { id: number; name: string; channel_type: string; avatar_url: string };
};

export type Contact = {
  id: number;
  name: string;
  email: string | null;
  phone_number: string | null;
  identifier: string | null;
  thumbnail: string;
  blocked: boolean;
  additional_attributes: Record<string, unknown>;
  custom_attributes: Record<string, unknown>;
  last_activity_at: number | null;
  created_at: number;
  contact_inboxes: ContactInboxRef[];
};

export type ContactListPage = { meta: { count: number; current_page: string }; payload: Contact[] };

export type ContactNote = {
  id: number;
  content: string;
  contact_id: number;
  user: { id: number; available_name: string; thumbnail: string } | null;
  created_at: number;
};

export type ContactImport = {
  id: number;
  status: 'queued' | 'running' | 'completed' | 'failed';
  file_name: string;
  total_rows: number;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  rejected_count: number;
  error: string | null;
};

export type AttributeDisplayType = 'text' | 'number' | 'currency' | 'percent' | 'link' | 'date' | 'list' | 'checkbox';

export type CustomAttributeDefinition = {
  id: number;
  attribute_display_name: string;
  attribute_display_type: AttributeDisplayType;
  attribute_key: string;
  attribute_values: string[] | null;
  attribute_model: 'conversation_attribute' | 'contact_attribute';
};

/** One condition of the advanced filter, as `POST /contacts/filter` reads it. */
export type FilterItem = {
  attribute_key: string;
  attribute_model: 'standard' | 'custom_attribute';
  filter_operator: string;
  values: string[];
  query_operator: 'AND' | 'OR';
};

export type Segment = { id: number; name: string; filter_type: 'contact'; query: { payload?: FilterItem[] } };

export const CONTACT_SORT_KEYS = ['name', 'email', 'phone_number', 'company_name', 'city', 'last_activity_at', 'created_at'] as const;
export type ContactSortKey = (typeof CONTACT_SORT_KEYS)[number];
export type ContactSort = { key: ContactSortKey; direction: 'asc' | 'desc' };
