import type { ReliabilityKpis } from '../reliability/reliability-kpis.js';
import { groupsFromEnd, rollUp } from './kpi-rollup.js';

const H = 3_600_000;
const day = (
  i: number,
  up: number,
  down: number,
  failures: number,
  repairs: number,
  mttr: number | null,
): ReliabilityKpis =>
  ({
    window: { from: i * 24 * H, to: (i + 1) * 24 * H },
    upTimeMs: up,
    downTimeMs: down,
    failures,
    repairsEnded: repairs,
    mttrMs: mttr,
  }) as ReliabilityKpis;

describe(rollUp.name, () => {
  it('sums the parts, not the ratios', () => {
    // day 0: 20 h up, 4 h down, 1 failure, 1 repair of 4 h; day 1: 24 h up, nothing else;
    // day 2: 22 h up, 2 h down, 2 failures, 2 repairs of 1 h each on average
    const k = rollUp([
      day(0, 20 * H, 4 * H, 1, 1, 4 * H),
      day(1, 24 * H, 0, 0, 0, null),
      day(2, 22 * H, 2 * H, 2, 2, H),
    ]);
    expect(k).toEqual({
      from: 0,
      to: 72 * H,
      availability: 66 / 72,
      mtbfMs: (66 * H) / 3,
      mttrMs: (6 * H) / 3,
      failures: 3,
    });
  });

  it.each([
    ['no periods', [], { availability: null, mtbfMs: null, mttrMs: null, failures: 0 }],
    [
      'no failures or repairs',
      [day(0, 24 * H, 0, 0, 0, null)],
      { availability: 1, mtbfMs: null, mttrMs: null },
    ],
    ['nothing in service', [day(0, 0, 0, 0, 0, null)], { availability: null }],
  ])('%s', (_name, periods, expected) => {
    expect(rollUp(periods)).toMatchObject(expected);
  });
});

describe(groupsFromEnd.name, () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7], 3, [[1], [2, 3, 4], [5, 6, 7]]],
    [[1, 2, 3], 3, [[1, 2, 3]]],
    [[], 7, []],
  ])('%j in groups of %d', (items, size, groups) => {
    expect(groupsFromEnd(items, size)).toEqual(groups);
  });
});
