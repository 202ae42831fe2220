import { describe, expect, it } from 'vitest';
import { clockTime, dayLabel, shortTime } from './time-format';

const labels = { today: 'Hoje', yesterday: 'Ontem' };
const now = new Date(2026, 10, 25, 15, 30);
const at = (date: Date) => Math.floor(date.getTime() / 1000);

describe('time formats (one formatter per language, same words as toLocale…String)', () => {
  for (const language of ['pt-BR', 'en']) {
    it(`clock time in ${language}`, () => {
      const date = new Date(2026, 10, 25, 9, 5);
      expect(clockTime(at(date), language)).toBe(date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }));
    });

    it(`short times in ${language}: today's clock, this year's day and month, older with the year`, () => {
      const today = new Date(2026, 10, 25, 8, 0);
      const thisYear = new Date(2026, 1, 3, 8, 0);
      const older = new Date(2024, 6, 9, 8, 0);
      expect(shortTime(at(today), language, now)).toBe(today.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }));
      expect(shortTime(at(thisYear), language, now)).toBe(thisYear.toLocaleDateString(language, { day: '2-digit', month: 'short' }));
      expect(shortTime(at(older), language, now)).toBe(older.toLocaleDateString(language, { day: '2-digit', month: 'short', year: 'numeric' }));
      expect(shortTime(null, language, now)).toBe('');
    });

    it(`day separators in ${language}: today, yesterday, then the full date`, () => {
      const older = new Date(2026, 9, 2, 12, 0);
      expect(dayLabel(at(new Date(2026, 10, 25, 1, 0)), language, labels, now)).toBe('Hoje');
      expect(dayLabel(at(new Date(2026, 10, 24, 23, 0)), language, labels, now)).toBe('Ontem');
      expect(dayLabel(at(older), language, labels, now)).toBe(
        older.toLocaleDateString(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      );
    });
  }
});
