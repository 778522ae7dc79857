import { computeReliabilityKpis, type DowntimeEpisode, type KpiInput } from './reliability-kpis.js';

// hours as the unit keeps the hand computations readable
const H = 3_600_000;
const W = { from: 0, to: 100 * H };
const device = (deviceId: string, inServiceFrom = -1000 * H, inServiceTo: number | null = null) => ({
  deviceId,
  inServiceFrom,
  inServiceTo,
});
const episode = (
  deviceId: string,
  failureH: number,
  restoredH: number | null,
  extra: Partial<DowntimeEpisode> = {},
): DowntimeEpisode => ({
  deviceId,
  failureTs: failureH * H,
  restoredTs: restoredH === null ? null : restoredH * H,
  ...extra,
});

interface Case {
  name: string;
  input: KpiInput;
  /** Expected values in hours where they are times. */
  want: {
    up: number;
    down: number;
    failures: number;
    mtbf: number | null;
    mttr: number | null;
    availability: number | null;
    lowerBound?: number | null;
  };
}

const cases: Case[] = [
  {
    name: 'one device, one failure repaired inside the window',
    input: { window: W, devices: [device('a')], episodes: [episode('a', 10, 14)] },
    // up 96 h over 1 failure; down 4 h; MTTR 4 h
    want: { up: 96, down: 4, failures: 1, mtbf: 96, mttr: 4, availability: 0.96 },
  },
  {
    name: 'devices without failures still count their up time',
    input: { window: W, devices: [device('a'), device('b'), device('c')], episodes: [episode('a', 50, 52)] },
    want: { up: 298, down: 2, failures: 1, mtbf: 298, mttr: 2, availability: 298 / 300 },
  },
  {
    name: 'a failure straddling the window start: its down time counts, the failure and not its start',
    input: { window: W, devices: [device('a')], episodes: [episode('a', -5, 3), episode('a', 40, 41)] },
    // down: 3 h (0..3) + 1 h; failures started in window: 1; both episodes ended in window: MTTR (8 + 1) / 2
    want: { up: 96, down: 4, failures: 1, mtbf: 96, mttr: 4.5, availability: 0.96 },
  },
  {
    name: 'a device installed mid-window counts from its installation',
    input: { window: W, devices: [device('a'), device('b', 60 * H)], episodes: [episode('b', 70, 72)] },
    // in service: 100 + 40; down 2
    want: { up: 138, down: 2, failures: 1, mtbf: 138, mttr: 2, availability: 138 / 140 },
  },
  {
    name: 'an episode open at the window end is down to the end, and not in MTTR',
    input: { window: W, devices: [device('a')], episodes: [episode('a', 20, 22), episode('a', 90, null)] },
    want: { up: 88, down: 12, failures: 2, mtbf: 44, mttr: 2, availability: 0.88 },
  },
  {
    name: 'two failures at the same instant on different components: two failures, down time once',
    input: {
      window: W,
      devices: [device('a')],
      episodes: [episode('a', 30, 33, { component: 'fuser' }), episode('a', 30, 35, { component: 'drum' })],
    },
    // down is the union 30..35 = 5 h; MTTR (3 + 5) / 2
    want: { up: 95, down: 5, failures: 2, mtbf: 47.5, mttr: 4, availability: 0.95 },
  },
  {
    name: 'no failures: no MTBF, its up time and a lower bound instead',
    input: { window: W, devices: [device('a'), device('b')], episodes: [] },
    want: {
      up: 200,
      down: 0,
      failures: 0,
      mtbf: null,
      mttr: null,
      availability: 1,
      lowerBound: 200 / 2.9957322735539913,
    },
  },
  {
    name: 'a device removed mid-window stops counting',
    input: { window: W, devices: [device('a', -10 * H, 50 * H)], episodes: [episode('a', 45, 60)] },
    // in service 0..50; down 45..50 within service; the repair ended after removal, inside the window
    want: { up: 45, down: 5, failures: 1, mtbf: 45, mttr: 15, availability: 0.9 },
  },
  {
    name: 'episodes of devices outside the scope are ignored',
    input: { window: W, devices: [device('a')], episodes: [episode('z', 10, 20)] },
    want: {
      up: 100,
      down: 0,
      failures: 0,
      mtbf: null,
      mttr: null,
      availability: 1,
      lowerBound: 100 / 2.9957322735539913,
    },
  },
];

describe('computeReliabilityKpis', () => {
  it.each(cases.map((c) => [c.name, c]))('%s', (_name, c) => {
    const k = computeReliabilityKpis(c.input);
    const hours = (ms: number | null): number | null => (ms === null ? null : ms / H);
    expect(k.upTimeMs / H).toBeCloseTo(c.want.up, 9);
    expect(k.downTimeMs / H).toBeCloseTo(c.want.down, 9);
    expect(k.failures).toBe(c.want.failures);
    if (c.want.mtbf === null) expect(k.mtbfMs).toBeNull();
    else expect(hours(k.mtbfMs)).toBeCloseTo(c.want.mtbf, 9);
    if (c.want.mttr === null) expect(k.mttrMs).toBeNull();
    else expect(hours(k.mttrMs)).toBeCloseTo(c.want.mttr, 9);
    if (c.want.availability === null) expect(k.availability).toBeNull();
    else expect(k.availability).toBeCloseTo(c.want.availability, 12);
    if (c.want.lowerBound !== undefined) {
      if (c.want.lowerBound === null) expect(k.mtbfLowerBoundMs).toBeNull();
      else expect(hours(k.mtbfLowerBoundMs)).toBeCloseTo(c.want.lowerBound, 9);
    }
    for (const v of [k.mtbfMs, k.mttrMs, k.availability, k.inherentAvailability]) {
      if (v !== null) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('splits response and repair time, taking the failure as the call when none is known', () => {
    const k = computeReliabilityKpis({
      window: W,
      devices: [device('a'), device('b')],
      episodes: [
        episode('a', 10, 16, { callTs: 11 * H, arrivalTs: 14 * H }),
        episode('b', 20, 23, { arrivalTs: 22 * H }),
      ],
    });
    expect(k.meanResponseMs! / H).toBeCloseTo((3 + 2) / 2, 9);
    expect(k.meanRepairMs! / H).toBeCloseTo((2 + 1) / 2, 9);
  });

  it('computes inherent availability from MTBF and MTTR', () => {
    const k = computeReliabilityKpis({ window: W, devices: [device('a')], episodes: [episode('a', 10, 14)] });
    expect(k.inherentAvailability).toBeCloseTo(96 / (96 + 4), 12);
  });

  it('computes MCBF and MCBC from usage and service calls', () => {
    const k = computeReliabilityKpis({
      window: W,
      devices: [device('a'), device('b')],
      episodes: [episode('a', 10, 14), episode('b', 50, 51)],
      usage: new Map([
        ['a', 30_000],
        ['b', 10_000],
        ['not-in-scope', 99_999],
      ]),
      serviceCalls: 5,
    });
    expect(k.usage).toBe(40_000);
    expect(k.mcbf).toBe(20_000);
    expect(k.mcbc).toBe(8_000);
  });

  it('counts failures per component', () => {
    const k = computeReliabilityKpis({
      window: W,
      devices: [device('a')],
      episodes: [
        episode('a', 1, 2, { component: 'fuser' }),
        episode('a', 3, 4, { component: 'fuser' }),
        episode('a', 5, 6, { component: 'drum' }),
        episode('a', 6, 7),
      ],
    });
    expect(k.failuresByComponent).toEqual({ fuser: 2, drum: 1, unknown: 1 });
  });

  it('refuses an empty window', () => {
    expect(() => computeReliabilityKpis({ window: { from: 5, to: 5 }, devices: [], episodes: [] })).toThrow(
      RangeError,
    );
  });

  it('reports nothing but zeros for an empty scope, never a division error', () => {
    const k = computeReliabilityKpis({ window: W, devices: [], episodes: [] });
    expect(k).toMatchObject({
      upTimeMs: 0,
      failures: 0,
      mtbfMs: null,
      mtbfLowerBoundMs: null,
      availability: null,
    });
  });
});
