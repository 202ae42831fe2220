/** Unix seconds, as the Chatwoot-compatible JSON writes times (null stays null). */
export const unixSeconds = (date: Date | null | undefined): number | null => (date ? Math.floor(date.getTime() / 1000) : null);
