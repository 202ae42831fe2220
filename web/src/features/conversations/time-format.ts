/** Short times for cards and messages, in the UI language. */

export function shortTime(unixSeconds: number | null | undefined, language: string, now = new Date()): string {
  if (!unixSeconds) return '';
  const date = new Date(unixSeconds * 1000);
  const sameDay = date.toDateString() === now.toDateString();
  if (sameDay) return date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString(language, sameYear ? { day: '2-digit', month: 'short' } : { day: '2-digit', month: 'short', year: 'numeric' });
}

export const clockTime = (unixSeconds: number, language: string) =>
  new Date(unixSeconds * 1000).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });

export const dayKey = (unixSeconds: number) => new Date(unixSeconds * 1000).toDateString();

export function dayLabel(unixSeconds: number, language: string, labels: { today: string; yesterday: string }, now = new Date()): string {
  const date = new Date(unixSeconds * 1000);
  if (date.toDateString() === now.toDateString()) return labels.today;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (date.toDateString() === yesterday.toDateString()) return labels.yesterday;
  return date.toLocaleDateString(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}
