/** Units the administrator picks the inactivity period in; the server stores minutes. */
export type DurationUnit = 'days' | 'hours' | 'minutes';

export const MINUTES_PER: Record<DurationUnit, number> = { days: 1440, hours: 60, minutes: 1 };

/** The server's bounds for `auto_resolve_after`, in minutes. */
export const AUTO_RESOLVE_MIN_MINUTES = 10;
export const AUTO_RESOLVE_MAX_MINUTES = 1_439_856;

/** Stored minutes shown in the largest unit that divides them exactly (2880 → 2 days, 90 → 90 minutes). */
export function durationFromMinutes(minutes: number): { amount: number; unit: DurationUnit } {
  if (minutes % MINUTES_PER.days === 0) return { amount: minutes / MINUTES_PER.days, unit: 'days' };
  if (minutes % MINUTES_PER.hours === 0) return { amount: minutes / MINUTES_PER.hours, unit: 'hours' };
  return { amount: minutes, unit: 'minutes' };
}

export type DurationCheck = { minutes: number } | { error: 'invalid' | 'tooShort' | 'tooLong' };

/** What the administrator typed, as minutes the server accepts, or why not. */
export function minutesFromDuration(amount: string, unit: DurationUnit): DurationCheck {
  const trimmed = amount.trim();
  if (!/^\d+$/.test(trimmed)) return { error: 'invalid' };
  const minutes = Number(trimmed) * MINUTES_PER[unit];
  if (minutes < AUTO_RESOLVE_MIN_MINUTES) return { error: 'tooShort' };
  if (minutes > AUTO_RESOLVE_MAX_MINUTES) return { error: 'tooLong' };
  return { minutes };
}
