import { DailyAggregator, dayStart, DAY_MS } from './prediction-input.js';

const D0 = Date.UTC(2024, 2, 1);
const H = 3_600_000;

describe(DailyAggregator.name, () => {
  it('aggregates points by UTC day as the stores do, whatever the order they arrive in', () => {
    const agg = new DailyAggregator();
    const points: Array<[number, number]> = [
      [D0 + 23 * H, 4],
      [D0 + 1 * H, 2],
      [D0 + 12 * H, 9],
      [D0 + DAY_MS + H, 7],
    ];
    for (const [ts, value] of points) agg.add({ deviceId: 'a', metric: 'm', ts, value });

    expect(agg.series('a').m).toEqual({
      day: [D0, D0 + DAY_MS],
      mean: [5, 7],
      min: [2, 7],
      max: [9, 7],
      count: [3, 1],
      // the latest point of the day, not the last to arrive
      last: [4, 7],
    });
    expect(agg.deviceIds()).toEqual(['a']);
    expect(agg.series('nobody')).toEqual({});
  });
});

describe(dayStart.name, () => {
  it.each([
    [D0 + 5 * H, D0],
    [D0, D0],
    [D0 - 1, D0 - DAY_MS],
    [-1, -DAY_MS],
  ])('%d starts its day at %d', (ts, want) => {
    expect(dayStart(ts)).toBe(want);
  });
});
