/** The server's bound for `max_assignment_limit`. */
export const MAX_CAPACITY = 1000;

/** What was typed as the per-agent capacity: blank means no limit. */
export function capacityFrom(text: string): { limit: number | null } | { error: 'invalid' } {
  const trimmed = text.trim();
  if (trimmed === '') return { limit: null };
  if (!/^\d+$/.test(trimmed)) return { error: 'invalid' };
  const limit = Number(trimmed);
  return limit >= 1 && limit <= MAX_CAPACITY ? { limit } : { error: 'invalid' };
}
