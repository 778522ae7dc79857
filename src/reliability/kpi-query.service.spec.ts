import { periodBounds } from './kpi-query.service.js';

const d = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('KPI trend periods', () => {
  it('splits into calendar months, clipped to the window', () => {
    expect(periodBounds(d('2026-01-15'), d('2026-03-10'), 'month')).toEqual([
      [d('2026-01-15'), d('2026-02-01')],
      [d('2026-02-01'), d('2026-03-01')],
      [d('2026-03-01'), d('2026-03-10')],
    ]);
  });

  it('splits into ISO weeks starting on Monday', () => {
    // 2026-11-18 is a Wednesday
    expect(periodBounds(d('2026-11-18'), d('2026-12-01'), 'week')).toEqual([
      [d('2026-11-18'), d('2026-11-23')],
      [d('2026-11-23'), d('2026-11-30')],
      [d('2026-11-30'), d('2026-12-01')],
    ]);
  });

  it('splits into days', () => {
    expect(periodBounds(d('2026-11-18'), d('2026-11-20'), 'day')).toHaveLength(2);
  });
});

describe('KPI trend periods in a time zone', () => {
  it('splits into Paris days, 23 hours long when the clocks go forward', () => {
    const from = Date.UTC(2026, 2, 27, 23); // 28 March, midnight in Paris
    const bounds = periodBounds(from, Date.UTC(2026, 2, 30, 22), 'day', 'Europe/Paris');
    expect(bounds.map(([a, b]) => (b - a) / 3_600_000)).toEqual([24, 23, 24]);
    expect(bounds[1][0]).toBe(Date.UTC(2026, 2, 28, 23));
  });

  it('splits into months starting at local midnight', () => {
    const bounds = periodBounds(Date.UTC(2026, 0, 1, 6), Date.UTC(2026, 2, 1, 6), 'month', 'America/Chicago');
    expect(bounds.map(([a]) => new Date(a).toISOString())).toEqual([
      '2026-01-01T06:00:00.000Z',
      '2026-02-01T06:00:00.000Z',
    ]);
  });
});
