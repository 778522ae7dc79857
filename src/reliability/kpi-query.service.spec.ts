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
