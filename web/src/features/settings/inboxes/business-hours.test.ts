import { describe, expect, it } from 'vitest';
import { daysFromWorkingHours, invalidDays, workingHoursFromDays, type WorkingHour } from './business-hours';

const closed = (day: number): WorkingHour => ({
  day_of_week: day,
  closed_all_day: true,
  open_all_day: false,
  open_hour: null,
  open_minutes: null,
  close_hour: null,
  close_minutes: null,
});

describe('business hours form', () => {
  it('shows the week Monday first, with defaults for days the server has no entry for', () => {
    const days = daysFromWorkingHours([
      { day_of_week: 1, closed_all_day: false, open_all_day: false, open_hour: 8, open_minutes: 30, close_hour: 18, close_minutes: 0 },
      closed(3),
      { ...closed(5), closed_all_day: false, open_all_day: true },
    ]);
    expect(days.map((d) => d.day)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(days[0]).toEqual({ day: 1, open: true, allDay: false, from: '08:30', to: '18:00' });
    expect(days[1]).toEqual({ day: 2, open: true, allDay: false, from: '09:00', to: '17:00' });
    expect(days[2]).toMatchObject({ day: 3, open: false });
    expect(days[4]).toMatchObject({ day: 5, open: true, allDay: true });
    expect(days[5]).toMatchObject({ day: 6, open: false });
    expect(days[6]).toMatchObject({ day: 0, open: false });
  });

  it('sends all seven days back as the server stores them', () => {
    const days = daysFromWorkingHours([]);
    days[0] = { ...days[0]!, from: '07:15', to: '12:45' };
    days[1] = { ...days[1]!, allDay: true };
    const hours = workingHoursFromDays(days);
    expect(hours).toHaveLength(7);
    expect(hours[0]).toEqual({ day_of_week: 1, closed_all_day: false, open_all_day: false, open_hour: 7, open_minutes: 15, close_hour: 12, close_minutes: 45 });
    expect(hours[1]).toMatchObject({ day_of_week: 2, open_all_day: true, open_hour: null });
    expect(hours[6]).toEqual(closed(0));
    // What is sent comes back the same.
    expect(daysFromWorkingHours(hours)).toEqual(days);
  });

  it('names the days whose closing time is not after the opening time', () => {
    const days = daysFromWorkingHours([]);
    days[0] = { ...days[0]!, from: '18:00', to: '09:00' };
    days[2] = { ...days[2]!, from: '', to: '17:00' };
    days[3] = { ...days[3]!, from: '10:00', to: '10:00' };
    days[5] = { ...days[5]!, from: '23:00', to: '22:00' }; // Saturday is closed: not checked
    expect(invalidDays(days)).toEqual([1, 3, 4]);
  });
});
