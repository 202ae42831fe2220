/** The contact fields whose winner a merge may choose; the last four live in additional_attributes. */
export const MERGE_FIELDS = ['name', 'email', 'phone_number', 'identifier', 'avatar_url', 'company_name', 'city', 'country', 'description'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export const ADDITIONAL_MERGE_FIELDS = ['company_name', 'city', 'country', 'description'] as const satisfies readonly MergeField[];
