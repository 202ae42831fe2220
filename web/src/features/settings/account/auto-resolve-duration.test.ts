import { describe, expect, it } from 'vitest';
import { durationFromMinutes, minutesFromDuration } from './auto-resolve-duration';

describe('auto-resolve duration', () => {
  it('shows stored minutes in the largest unit that divides them', () => {
    expect(durationFromMinutes(2880)).toEqual({ amount: 2, unit: 'days' });
    expect(durationFromMinutes(180)).toEqual({ amount: 3, unit: 'hours' });
    expect(durationFromMinutes(90)).toEqual({ amount: 90, unit: 'minutes' });
  });

  it('turns days and hours into minutes within the server bounds', () => {
    expect(minutesFromDuration('7', 'days')).toEqual({ minutes: 10_080 });
    expect(minutesFromDuration(' 12 ', 'hours')).toEqual({ minutes: 720 });
    expect(minutesFromDuration('5', 'minutes')).toEqual({ error: 'tooShort' });
    expect(minutesFromDuration('1000', 'days')).toEqual({ error: 'tooLong' });
    expect(minutesFromDuration('999', 'days')).toEqual({ minutes: 1_438_560 });
    for (const bad of ['', 'abc', '1.5', '-2']) expect(minutesFromDuration(bad, 'hours')).toEqual({ error: 'invalid' });
  });

  it('round-trips what it shows', () => {
    for (const minutes of [10, 60, 1440, 4320, 1_439_856]) {
      const { amount, unit } = durationFromMinutes(minutes);
      expect(minutesFromDuration(String(amount), unit)).toEqual({ minutes });
    }
  });
});
