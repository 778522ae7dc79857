import { DAY, HOUR, RANGES, RAW_SPAN, windowFor } from './zoom.js';

describe(windowFor.name, () => {
  it.each([
    [365 * DAY, '1d'],
    [90 * DAY, '6h'],
    [30 * DAY, '1h'],
    [7 * DAY, '15m'],
    [DAY, '5m'],
    [10 * HOUR, '1m'],
    [20 * 365 * DAY, '1w'],
  ])('a span of %d ms is drawn in %s windows', (span, window) => {
    expect(windowFor(span)[0]).toBe(window);
  });

  it('keeps every zoom button at 1,000 points or fewer, the hour raw', () => {
    for (const [, span] of RANGES) {
      if (span <= RAW_SPAN) continue;
      expect(span / windowFor(span)[1]).toBeLessThanOrEqual(1000);
    }
    expect(RANGES.find(([label]) => label === '1 hour')![1]).toBeLessThanOrEqual(RAW_SPAN);
  });
});
