import type { DefinitionRow } from './repository';

/** A definition as Chatwoot answers it (display type and model by name). */
export function presentDefinition(row: DefinitionRow) {
  return {
    id: row.id,
    attribute_display_name: row.attributeDisplayName,
    attribute_display_type: row.attributeDisplayType,
    attribute_description: row.attributeDescription,
    attribute_key: row.attributeKey,
    regex_pattern: row.regexPattern,
    regex_cue: row.regexCue,
    attribute_values: row.attributeValues,
    attribute_model: row.attributeModel,
    default_value: row.defaultValue ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
