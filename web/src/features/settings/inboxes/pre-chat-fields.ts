import type { AttributeDefinition } from '../custom-attributes/custom-attributes-api';

/** A field of the widget's pre-chat form, in Chatwoot's `pre_chat_fields` shape. */
export type PreChatField = {
  name: string;
  label: string;
  type: string;
  field_type: 'standard' | 'contact_attribute' | 'conversation_attribute';
  required: boolean;
  enabled: boolean;
  placeholder?: string;
  values?: string[];
};

/** The contact's own fields the widget knows (see widget/src/app/main.tsx). */
export const STANDARD_FIELDS: readonly PreChatField[] = [
  { name: 'fullName', label: '', type: 'text', field_type: 'standard', required: false, enabled: true },
  { name: 'emailAddress', label: '', type: 'email', field_type: 'standard', required: true, enabled: true },
  { name: 'phoneNumber', label: '', type: 'text', field_type: 'standard', required: false, enabled: false },
];

/**
 * Every field the form can ask for, in order: the standard ones, then the custom attributes, each
 * with what the inbox stored for it (enabled, required, label) or off by default. Stored fields of
 * deleted attributes are dropped.
 */
export function preChatFieldsFor(stored: readonly PreChatField[] | undefined, definitions: readonly AttributeDefinition[]): PreChatField[] {
  const saved = new Map((stored ?? []).map((field) => [field.name, field]));
  const standard = STANDARD_FIELDS.map((field) => {
    const mine = saved.get(field.name);
    return mine ? { ...field, enabled: mine.enabled !== false, required: mine.required === true, label: mine.label ?? '' } : { ...field };
  });
  const custom = definitions.map((definition): PreChatField => {
    const mine = saved.get(definition.attribute_key);
    return {
      name: definition.attribute_key,
      label: mine?.label || definition.attribute_display_name,
      type: definition.attribute_display_type,
      field_type: definition.attribute_model,
      required: mine?.required === true,
      enabled: mine ? mine.enabled !== false : false,
      ...(definition.attribute_display_type === 'list' ? { values: definition.attribute_values } : {}),
    };
  });
  return [...standard, ...custom];
}

/** A required field must be asked: switching "required" on enables it, disabling it drops "required". */
export function changeField(fields: readonly PreChatField[], name: string, change: Partial<Pick<PreChatField, 'enabled' | 'required'>>): PreChatField[] {
  return fields.map((field) => {
    if (field.name !== name) return field;
    const next = { ...field, ...change };
    if (change.required) next.enabled = true;
    if (change.enabled === false) next.required = false;
    return next;
  });
}
