export type SnoozeOption = 'nextReply' | 'oneHour' | 'tomorrow' | 'nextWeek' | 'nextMonth';

export const SNOOZE_OPTIONS: SnoozeOption[] = ['nextReply', 'oneHour', 'tomorrow', 'nextWeek', 'nextMonth'];

const atNine = (date: Date) => {
  date.setHours(9, 0, 0, 0);
  return date;
};

/** When a snooze ends, in Unix seconds; `null` means until the customer's next message. */
export function snoozeUntil(option: SnoozeOption, now = new Date()): number | null {
  const date = new Date(now);
  switch (option) {
    case 'nextReply':
      return null;
    case 'oneHour':
      date.setHours(date.getHours() + 1);
      break;
    case 'tomorrow':
      date.setDate(date.getDate() + 1);
      atNine(date);
      break;
    case 'nextWeek':
      // Next Monday, 9:00.
      date.setDate(date.getDate() + ((8 - date.getDay()) % 7 || 7));
      atNine(date);
      break;
    case 'nextMonth':
      date.setMonth(date.getMonth() + 1, 1);
      atNine(date);
      break;
  }
  return Math.floor(date.getTime() / 1000);
}
