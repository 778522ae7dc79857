import { bayesianAverage, satisfactionTrend, technicianRating } from './ratings.js';

const PRIOR = { mean: 4, weight: 5 };
const DAY = 86_400_000;
const JAN = Date.UTC(2026, 0, 1);
const month = (m: number, d = 10): number => Date.UTC(2026, m, d);

describe('ratings', () => {
  it.each([
    ['no ratings: the prior', 0, 0, 4],
    ['one 1-star vote: 3.5, not 1', 1, 1, (20 + 1) / 6],
    ['one 5-star vote: 4.17, not 5', 5, 1, (20 + 5) / 6],
    ['ten 5-star votes', 50, 10, 70 / 15],
    ['fifty 2-star votes: the prior weighs a tenth', 100, 50, 120 / 55],
  ])('gives a Bayesian average: %s', (_what, sum, count, expected) => {
    expect(bayesianAverage(sum, count, PRIOR)).toBeCloseTo(expected, 12);
  });

  it('does not let one vote put a new technician above a proven one', () => {
    const newcomer = technicianRating('tech-new', 5, 1, PRIOR);
    const proven = technicianRating('tech-old', 4.6 * 40, 40, PRIOR);
    expect(newcomer.mean).toBe(5);
    expect(newcomer.rating).toBeLessThan(proven.rating);
    expect(technicianRating('tech-none', 0, 0, PRIOR)).toEqual({
      technicianId: 'tech-none',
      rating: 4,
      count: 0,
      mean: null,
    });
  });

  it('follows a customer’s satisfaction month by month and says it is worsening', () => {
    const ratings = [
      { rating: 5, at: month(0) },
      { rating: 4, at: month(0, 20) },
      { rating: 4, at: month(1) },
      { rating: 2, at: month(3) },
      { rating: 1, at: month(3, 12) },
    ];
    const t = satisfactionTrend(ratings, JAN, month(4, 1), PRIOR);
    expect(t.periods.map((p) => [p.label, p.count, p.mean, p.satisfied])).toEqual([
      ['2026-01', 2, 4.5, 1],
      ['2026-02', 1, 4, 1],
      ['2026-03', 0, null, null],
      ['2026-04', 2, 1.5, 0],
    ]);
    // least squares through (0, 4.5), (1, 4), (3, 1.5): x̄ 4/3, ȳ 10/3, Sxy −87/18, Sxx 42/9 → −87/84 a month
    expect(t.slopePerMonth).toBeCloseTo(-87 / 84, 12);
    expect(t.direction).toBe('worsening');
    expect(t.count).toBe(5);
    expect(t.rating).toBeCloseTo((20 + 16) / 10, 12);
  });

  it.each([
    ['steady', [4, 4, 4], 'steady'],
    ['improving', [2, 3, 4], 'improving'],
    ['one month only', [3], 'unknown'],
  ] as const)('calls a trend %s', (_what, means, direction) => {
    const ratings = means.map((rating, i) => ({ rating, at: month(i) }));
    expect(satisfactionTrend(ratings, JAN, month(means.length, 1), PRIOR).direction).toBe(direction);
  });

  it('counts only ratings within the range, the range’s ends in half-months', () => {
    const ratings = [
      { rating: 1, at: month(0, 5) },
      { rating: 5, at: month(0, 20) },
    ];
    const t = satisfactionTrend(ratings, month(0, 15), month(0, 15) + 30 * DAY, PRIOR);
    expect(t.periods.map((p) => [p.label, p.count])).toEqual([
      ['2026-01', 1],
      ['2026-02', 0],
    ]);
  });
});
