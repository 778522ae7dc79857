import { duration, percent, trendWords } from './format.js';

describe('format', () => {
  it.each([
    [null, '–'],
    [30_000, '30 s'],
    [90 * 60_000, '90 min'],
    [5 * 3_600_000, '5.0 h'],
    [3 * 86_400_000, '3.0 d'],
  ])('duration(%s) is %s', (ms, text) => expect(duration(ms)).toBe(text));

  it('writes shares as percentages', () => expect(percent(0.99612)).toBe('99.61 %'));

  it.each([
    [0.99, 0.98, true, '▲ 1.00 pt better', true],
    [0.98, 0.99, true, '▼ 1.00 pt worse', false],
    [5, 4, false, '▲ 1.00 pt worse', false],
    [null, 4, true, 'no comparison', null],
    [4, 4, true, '= unchanged', null],
  ])('trend from %s to %s (higher is better: %s) reads "%s"', (current, previous, higher, text, good) => {
    const pt = (d: number): string => `${(d * (higher ? 100 : 1)).toFixed(2)} pt`;
    expect(trendWords(current, previous, higher, pt)).toEqual({ text, good });
  });
});
