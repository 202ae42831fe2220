/** Short times for cards and messages, in the UI language. */

// Building an Intl.DateTimeFormat costs far more than formatting with one (about a millisecond
// each, which a long history pays per message and per render), so each is made once per language.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, options);
    formatters.set(key, found);
  }
  return found;
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DAY_MONTH: Intl.DateTimeFormatOptions = { day: '2-digit', month: 'short' };
const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: '2-digit', month: 'short', year: 'numeric' };
const LONG_DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };

export function shortTime(unixSeconds: number | null | undefined, language: string, now = new Date()): string {
  if (!unixSeconds) return '';
  const date = new Date(unixSeconds * 1000);
  const sameDay = date.toDateString() === now.toDateString();
  if (sameDay) return formatter(language, CLOCK).format(date);
  const sameYear = date.getFullYear() === now.getFullYear();
  return formatter(language, sameYear ? DAY_MONTH : DAY_MONTH_YEAR).format(date);
}

export const clockTime = (unixSeconds: number, language: string) => formatter(language, CLOCK).format(new Date(unixSeconds * 1000));

export const dayKey = (unixSeconds: number) => new Date(unixSeconds * 1000).toDateString();

export function dayLabel(unixSeconds: number, language: string, labels: { today: string; yesterday: string }, now = new Date()): string {
  const date = new Date(unixSeconds * 1000);
  if (date.toDateString() === now.toDateString()) return labels.today;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (date.toDateString() === yesterday.toDateString()) return labels.yesterday;
  return formatter(language, LONG_DAY).format(date);
}
