import { calendarTimeMs, readCalendarTime } from './calendar-time.js';

describe(readCalendarTime.name, () => {
  it.each([
    ['2026-03-01', Date.UTC(2026, 2, 1)],
    ['2026-03-01 08:30', Date.UTC(2026, 2, 1, 8, 30)],
    ['2015-01-01 06:00:00', Date.UTC(2015, 0, 1, 6)],
    ['2026-03-01T08:30:15.250', Date.UTC(2026, 2, 1, 8, 30, 15, 250)],
    ['2026-03-01T08:30:00+02:00', Date.UTC(2026, 2, 1, 6, 30)],
    ['2026-03-01T08:30:00.123456789Z', Date.UTC(2026, 2, 1, 8, 30, 0, 123)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
  ])('reads %s', (value, ms) => {
    expect(calendarTimeMs(value)).toBe(ms);
  });

  it.each([
    ['2015-02-30 06:00:00', 'February 2015 has 28 days'],
    ['2025-02-29', 'February 2025 has 28 days'],
    ['2026-04-31T00:00:00Z', 'April 2026 has 30 days'],
    ['2026-13-01', 'there is no month 13'],
    ['2026-01-00', 'there is no day 00'],
    ['2026-01-01 24:00', 'there is no time 24:00'],
    ['2026-01-01T10:61:00Z', 'there is no time 10:61:00'],
    ['01/03/2026', 'format'],
    ['', 'format'],
  ])('refuses %s: %s', (value, reason) => {
    expect(readCalendarTime(value)).toEqual({ ok: false, reason });
    expect(calendarTimeMs(value)).toBeNaN();
  });
});
