import { localDay, shiftOn, shiftsFrom, workingHoursProblem } from './working-hours.js';
import type { WorkingHours } from './technician.js';

const PARIS: WorkingHours = {
  timeZone: 'Europe/Paris',
  shifts: [
    { weekday: 1, start: '08:00', end: '17:00' },
    { weekday: 2, start: '08:00', end: '17:00' },
    { weekday: 6, start: '09:00', end: '13:00' },
  ],
};

describe('working hours', () => {
  it.each([
    ['2026-03-02', Date.UTC(2026, 2, 2, 7), Date.UTC(2026, 2, 2, 16)], // Monday, winter time (UTC+1)
    ['2026-03-30', Date.UTC(2026, 2, 30, 6), Date.UTC(2026, 2, 30, 15)], // Monday after the clocks went forward (UTC+2)
    ['2026-03-07', Date.UTC(2026, 2, 7, 8), Date.UTC(2026, 2, 7, 12)], // Saturday morning
  ])('gives the shift of %s in the technician’s zone', (day, start, end) => {
    expect(shiftOn(PARIS, [], day)).toEqual({ start, end });
  });

  it('has no shift on a day without one', () => {
    expect(shiftOn(PARIS, [], '2026-03-04')).toBeNull(); // Wednesday
    expect(shiftOn(PARIS, [], '2026-03-08')).toBeNull(); // Sunday
  });

  it('takes the whole day off when an absence touches the shift', () => {
    const afternoon = { from: Date.UTC(2026, 2, 2, 12), to: Date.UTC(2026, 2, 2, 14), reason: 'dentist' };
    const evening = { from: Date.UTC(2026, 2, 2, 16), to: Date.UTC(2026, 2, 2, 20), reason: 'after work' };
    expect(shiftOn(PARIS, [afternoon], '2026-03-02')).toBeNull();
    expect(shiftOn(PARIS, [evening], '2026-03-02')).toEqual({
      start: Date.UTC(2026, 2, 2, 7),
      end: Date.UTC(2026, 2, 2, 16),
    });
  });

  it('lists the shifts not over yet in the coming days, by local date', () => {
    const mondayNoon = Date.UTC(2026, 2, 2, 11);
    expect(shiftsFrom(PARIS, [], mondayNoon, 7).map((s) => s.day)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-07',
    ]);
    const mondayEvening = Date.UTC(2026, 2, 2, 18);
    expect(shiftsFrom(PARIS, [], mondayEvening, 2).map((s) => s.day)).toEqual(['2026-03-03']);
  });

  it('dates a time by the technician’s calendar, not UTC’s', () => {
    expect(localDay(Date.UTC(2026, 2, 1, 23, 30), 'Europe/Paris')).toBe('2026-03-02');
    expect(localDay(Date.UTC(2026, 2, 1, 23, 30), 'UTC')).toBe('2026-03-01');
  });

  it.each([
    [
      { ...PARIS, timeZone: 'Mars/Olympus' },
      'time zone Mars/Olympus is not an IANA zone such as Europe/Paris',
    ],
    [
      { ...PARIS, shifts: [{ weekday: 8, start: '08:00', end: '12:00' }] },
      'weekday 8 is not 1 (Monday) to 7 (Sunday)',
    ],
    [
      { ...PARIS, shifts: [{ weekday: 1, start: '8:00', end: '12:00' }] },
      'shift times are HH:MM, got 8:00–12:00',
    ],
    [
      { ...PARIS, shifts: [{ weekday: 1, start: '22:00', end: '06:00' }] },
      'a shift ends after it starts (22:00–06:00); none crosses midnight',
    ],
    [{ ...PARIS, shifts: [PARIS.shifts[0], PARIS.shifts[0]] }, 'weekday 1 has two shifts; give one per day'],
  ])('refuses unusable hours: %j', (hours, problem) => {
    expect(workingHoursProblem(hours)).toBe(problem);
  });

  it('accepts good hours', () => {
    expect(workingHoursProblem(PARIS)).toBeNull();
  });
});
