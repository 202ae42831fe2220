/** One day as the server stores it (Chatwoot's `working_hours`); 0 is Sunday. */
export type WorkingHour = {
  day_of_week: number;
  closed_all_day: boolean;
  open_all_day: boolean;
  open_hour: number | null;
  open_minutes: number | null;
  close_hour: number | null;
  close_minutes: number | null;
};

/** One row of the form: times as "HH:MM", as `<input type="time">` reads and writes them. */
export type DayHours = { day: number; open: boolean; allDay: boolean; from: string; to: string };

/** Monday first, as people in Brazil read a week's hours. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const time = (hour: number | null, minutes: number | null, fallback: string) => (hour === null ? fallback : `${pad(hour)}:${pad(minutes ?? 0)}`);

/** The seven rows, Monday first; days the server has no entry for are open 09:00–17:00 on weekdays, closed at weekends. */
export function daysFromWorkingHours(hours: readonly WorkingHour[]): DayHours[] {
  return WEEK_ORDER.map((day) => {
    const stored = hours.find((h) => h.day_of_week === day);
    if (!stored) return { day, open: day !== 0 && day !== 6, allDay: false, from: '09:00', to: '17:00' };
    return {
      day,
      open: !stored.closed_all_day,
      allDay: stored.open_all_day,
      from: time(stored.open_hour, stored.open_minutes, '09:00'),
      to: time(stored.close_hour, stored.close_minutes, '17:00'),
    };
  });
}

const parseTime = (value: string): [number, number] | null => {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [hour, minutes] = [Number(match[1]), Number(match[2])];
  return hour <= 23 && minutes <= 59 ? [hour, minutes] : null;
};

/** Days whose hours cannot be saved: a time missing, or closing not after opening. */
export function invalidDays(days: readonly DayHours[]): number[] {
  return days
    .filter((d) => d.open && !d.allDay)
    .filter((d) => {
      const from = parseTime(d.from);
      const to = parseTime(d.to);
      return !from || !to || to[0] * 60 + to[1] <= from[0] * 60 + from[1];
    })
    .map((d) => d.day);
}

/** The rows as the server takes them (all seven days, so none keeps an older value). */
export function workingHoursFromDays(days: readonly DayHours[]): WorkingHour[] {
  return days.map((d) => {
    if (!d.open) return { day_of_week: d.day, closed_all_day: true, open_all_day: false, open_hour: null, open_minutes: null, close_hour: null, close_minutes: null };
    if (d.allDay) return { day_of_week: d.day, closed_all_day: false, open_all_day: true, open_hour: null, open_minutes: null, close_hour: null, close_minutes: null };
    const [openHour, openMinutes] = parseTime(d.from) ?? [9, 0];
    const [closeHour, closeMinutes] = parseTime(d.to) ?? [17, 0];
    return {
      day_of_week: d.day,
      closed_all_day: false,
      open_all_day: false,
      open_hour: openHour,
      open_minutes: openMinutes,
      close_hour: closeHour,
      close_minutes: closeMinutes,
    };
  });
}
