import { buildTimeline, usageAt } from './device-timeline.js';
import {
  daysToLevel,
  featureLayout,
  featureValue,
  fleetNorms,
  learnFailLevels,
  learnPrecursorCodeModels,
  rampFit,
  writeFeatures,
  type FeatureContext,
} from './features.js';
import { fitLifeModels } from './life-models.js';
import {
  DAY_MS,
  emptySeries,
  type DailySeries,
  type DeviceHistory,
  type HistoryEvent,
} from './prediction-input.js';
import { SYNTHETIC_MODEL } from './synthetic-fleet.js';

const START = Date.UTC(2024, 0, 1);
const H = 3_600_000;
const day = (n: number): number => START + n * DAY_MS;
// scoring at the start of day 120: days 0..119 are known
const T = day(120);

/** A daily series from one value per day (min/max ±1, 24 points a day). */
function series(values: Array<number | null>, spread = 1): DailySeries {
  const s = emptySeries();
  values.forEach((v, i) => {
    if (v === null) return;
    s.day.push(day(i));
    s.mean.push(v);
    s.min.push(v - spread);
    s.max.push(v + spread);
    s.count.push(24);
    s.last.push(v);
  });
  return s;
}

/** 120 days: the fuser steady at 182 °C, then 181, 179, 177; 600 pages a day from 10,000. */
function device(over: Partial<DeviceHistory> = {}, temps?: Array<number | null>): DeviceHistory {
  const t = temps ?? Array.from({ length: 120 }, (_, i) => (i < 117 ? 182 : [181, 179, 177][i - 117]));
  const counter = Array.from({ length: 120 }, (_, i) => 10_000 + 600 * (i + 1));
  const pages = series(counter, 0);
  pages.min = counter.map((c) => c - 600);
  return {
    deviceId: 'd1',
    modelId: SYNTHETIC_MODEL.modelId,
    installDate: day(0),
    metrics: { 'fuser.temp_c': series(t), 'pages.total': pages },
    events: [],
    ...over,
  };
}

const jam = (ts: number, code = 'J-101'): HistoryEvent => ({
  ts,
  type: 'fault.raised',
  code,
  severity: 'minor',
});

function features(d: DeviceHistory, component: string, t = T, ctxOver: Partial<FeatureContext> = {}) {
  const tl = buildTimeline(d, SYNTHETIC_MODEL);
  const ctx: FeatureContext = {
    horizons: [7, 30],
    life: fitLifeModels([tl], [SYNTHETIC_MODEL], t),
    norms: { 'SYN-1/fuser.temp_c': { mean: 182, range: 2, sd: 0.5 } },
    modelIndex: { 'SYN-1': 0 },
    failLevels: {},
    ...ctxOver,
  };
  const layout = featureLayout(['fuser.temp_c'], ctx.horizons);
  const row = new Float64Array(layout.names.length);
  writeFeatures(tl, component, t, ctx, layout, row, 0);
  return (name: string): number => featureValue(layout, row, name);
}

describe('features of a fuser cooling over three days', () => {
  const f = features(device(), 'fuser');

  it.each([
    // (181 + 179 + 177) / 3 − the fleet's 182
    ['fuser.temp_c:level3', -3],
    // against the 30 days before the last week (all 182)
    ['fuser.temp_c:delta3', -3],
    // (4·182 + 181 + 179 + 177) / 7 − 182
    ['fuser.temp_c:delta7', (4 * 182 + 181 + 179 + 177) / 7 - 182],
    // least squares over days 0..6 of the last week: Σ(x − 3)·y / Σ(x − 3)² = −22 / 28
    ['fuser.temp_c:slope7', -22 / 28],
    // spread: 2 every day, as the norm
    ['fuser.temp_c:rangeRatio3', 1],
    ['fuser.temp_c:rangeLevel3', 0],
    // no failure level learned for this gauge
    ['fuser.temp_c:toFail', NaN],
    ['model', 0],
    ['data.daysSinceData', 0],
    ['data.coverage7', 1],
    // 600 pages a day against 30,000 a month
    ['usage.load7', 600 / (30_000 / 30.44)],
    ['usage.load30', 600 / (30_000 / 30.44)],
    ['device.ageDays', 120],
    // data since install: the fuser's age is known, 120 days and 119 counted days of pages (the first only sets the baseline... plus its own rise)
    ['age.originKnown', 1],
    ['age.days', 120],
    ['age.lifeFraction', (600 * 120) / 120_000],
  ])('%s = %d', (name, want) => {
    if (Number.isNaN(want)) expect(f(name)).toBeNaN();
    else expect(f(name)).toBeCloseTo(want, 9);
  });

  it('z-score floors a flat baseline instead of dividing by zero', () => {
    // baseline sd is 0: floor 1e-3 × 182 + 1e-6
    expect(f('fuser.temp_c:z3')).toBeCloseTo(-3 / (1e-3 * 182 + 1e-6), 6);
  });
});

describe('code and failure features of the roller', () => {
  const events: HistoryEvent[] = [
    jam(T - 1 * H),
    jam(T - 10 * H),
    jam(T - 30 * H),
    jam(T - 5 * DAY_MS),
    jam(T - 20 * DAY_MS),
    // a jam from wrong media: the user's, not the roller's
    jam(T - 2 * DAY_MS, 'J-110'),
    // the roller failed 3 days ago and the visit did not replace it
    { ts: T - 3 * DAY_MS, type: 'fault.raised', code: 'J-102', severity: 'machine-down' },
    { ts: T - 3 * DAY_MS + 4 * H, type: 'fault.cleared', code: 'J-102' },
    { ts: day(20) + 12 * H, type: 'part.replaced', component: 'roller' },
    { ts: day(60), type: 'pm.done' },
    { ts: day(60), type: 'service.started' },
  ];
  const f = features(device({ events }), 'roller');

  it.each([
    ['codes.own24h', 2],
    ['codes.own48h', 3],
    ['codes.own7d', 4],
    ['codes.own30d', 5],
    ['codes.ownSinceOrigin', 5],
    ['codes.other7d', 1],
    ['codes.daysSinceOwn', 1 / 24],
    // 4 codes over the last 7 days' 4,200 pages
    ['codes.perKUsage7d', (1000 * 4) / 4200],
    // (4 + 0.5)/7 ÷ ((1 + 0.5)/30): the week against the 30 days before it
    ['codes.ownRateRatio', 4.5 / 7 / (1.5 / 30)],
    ['fail.sinceOrigin', 1],
    ['fail.daysSinceLast', 3],
    ['fail.count365', 1],
    ['fail.otherComponents90d', 0],
    ['service.daysSincePm', 60],
    ['service.daysSinceVisit', 60],
    // replaced at noon on day 20: 99.5 days ago; pages counted from the end of day 19
    ['age.days', 99.5],
    ['age.lifeFraction', (600 * 100) / 80_000],
  ])('%s = %d', (name, want) => {
    expect(f(name)).toBeCloseTo(want, 9);
  });
});

describe('features across gaps and clock jumps', () => {
  it('reads a silent gauge as missing and says how long the device has been silent', () => {
    // nothing in the last 10 days
    const temps = Array.from({ length: 120 }, (_, i) => (i < 110 ? 182 : null));
    const d = device({}, temps);
    d.metrics['pages.total'] = series(
      Array.from({ length: 110 }, (_, i) => 600 * (i + 1)),
      0,
    );
    const f = features(d, 'fuser');

    expect(f('data.daysSinceData')).toBe(10);
    expect(f('data.coverage7')).toBe(0);
    expect(f('fuser.temp_c:level3')).toBeNaN();
    expect(f('fuser.temp_c:slope7')).toBeNaN();
    expect(f('usage.load7')).toBeNaN();
    // the 30-day window still has 20 days of readings
    expect(f('usage.load30')).toBeCloseTo(600 / (30_000 / 30.44), 9);
  });

  it('counts a counter drop as a reset and a leap as implausible', () => {
    const d = device();
    const last = d.metrics['pages.total'].last;
    // day 50: the counter restarts at 300; day 80 it leaps by a trillion and comes back
    for (let i = 50; i < 120; i++) last[i] = 300 + 600 * (i - 50);
    last[80] = 1e12;
    const tl = buildTimeline(d, SYNTHETIC_MODEL);

    expect(tl.implausibleUsageDays).toEqual([day(80)]);
    // day 0's own rise (600), 49 normal days, the reset day counts 300, day 80 nothing, day 81 counts from 0
    expect(usageAt(tl, day(51))).toBe(600 * 50 + 300);
    expect(Number.isFinite(usageAt(tl, T))).toBe(true);
  });

  it('reads only complete days before t and events before it', () => {
    const d = device({ events: [jam(T - H), jam(T), jam(T + H)] });
    const f = features(d, 'roller', T);

    expect(f('codes.own24h')).toBe(1);
    expect(f('data.daysSinceData')).toBe(0);
    // at noon the day that started at T is not complete yet
    const g = features(d, 'roller', T + 12 * H);
    expect(g('data.daysSinceData')).toBe(0.5);
  });
});

describe('features of a fuser drifting since day 90, against a learned failure level', () => {
  // 182 °C until day 89, then 0.25 °C cooler each day: −7.5 °C by day 119; the level is −24 sd (−12 °C)
  const temps = Array.from({ length: 120 }, (_, i) => 182 - (i < 90 ? 0 : 0.25 * (i - 89)));
  const f = features(device({}, temps), 'fuser', T, { failLevels: { fuser: { 'fuser.temp_c': -24 } } });
  // days 117..119: −7, −7.25, −7.5 °C = −14.5 sd
  const level = -14.5;

  it('says how far the gauge has gone toward the level', () => {
    expect(f('fuser.temp_c:progress')).toBeCloseTo(level / -24, 9);
  });

  it('extrapolates the 14-day slope to the level', () => {
    // −0.25 °C a day is −0.5 sd a day: 9.5 sd to go
    expect(f('fuser.temp_c:toFail14')).toBeCloseTo(9.5 / 0.5, 6);
  });

  it('extrapolates in usage from where the drift began', () => {
    // the last 3-day mean under a fifth of the way (4.8 sd, 2.4 °C) ends on day 100 (days 97..99,
    // −2.25 °C): 20 days × 600 pages since, for (0.604 − 0.2) of the way; (1 − 0.604) to go at 600 a day
    const share = level / -24;
    expect(f('fuser.temp_c:toFailOnset')).toBeCloseTo((20 * 600 * (1 - share)) / (share - 0.2) / 600, 6);
  });
});

describe(rampFit.name, () => {
  it.each([
    // one code: the onset solves (a − u0) = 2 (x − u0)
    { xs: [800], at: 1000, origin: 0, start: 600, rate: 2 / 400 },
    // an onset before the part was fitted is held at the fitting
    { xs: [100], at: 1000, origin: 0, start: 0, rate: 2 / 1000 },
    { xs: [100, 200], at: 1000, origin: 50, start: 50, rate: 4 / 950 },
  ])(
    'codes at $xs by $at (fitted at $origin): onset $start, rate $rate',
    ({ xs, at, origin, start, rate }) => {
      const r = rampFit(xs, at, origin)!;

      expect(r.start).toBeCloseTo(start, 6);
      expect(r.rate).toBeCloseTo(rate, 9);
      expect(r.slope * r.span).toBeCloseTo(r.rate, 12);
    },
  );

  it('finds the onset of codes laid down by a rising rate', () => {
    // a rate rising from 0 at 10,000 by 1e-7 per unit: the i-th code where s (u − u0)² / 2 = i
    const s = 1e-7;
    const xs = Array.from({ length: 40 }, (_, i) => 10_000 + Math.sqrt((2 * (i + 1)) / s));
    const at = xs[xs.length - 1] + 100;
    const r = rampFit(xs, at, 0)!;

    // the first code comes 4,472 after the onset: the fit places the onset between them
    expect(r.start).toBeGreaterThan(8_000);
    expect(r.start).toBeLessThan(xs[0]);
    expect(r.rate / (s * (at - 10_000))).toBeGreaterThan(0.8);
    expect(r.rate / (s * (at - 10_000))).toBeLessThan(1.25);
    // the onset solves Σ (a − u0) / (x − u0) = 2n
    expect(xs.reduce((sum, x) => sum + (at - r.start) / (x - r.start), 0)).toBeCloseTo(2 * xs.length, 4);
  });

  it.each([
    { xs: [], at: 1000, origin: 0 },
    { xs: [10], at: 0, origin: 0 },
  ])('has no ramp for codes $xs by $at', ({ xs, at, origin }) => {
    expect(rampFit(xs, at, origin)).toBeNull();
  });
});

describe('code-ramp, other-code and maintenance features', () => {
  const events: HistoryEvent[] = [
    { ts: day(20), type: 'part.replaced', component: 'roller' },
    { ts: day(60), type: 'pm.done' },
    // 12 jams over the last 30 days, closer together toward the end (a rate rising from T − 30 days)
    ...Array.from({ length: 12 }, (_, i) =>
      jam(T - 30 * DAY_MS + Math.round(30 * Math.sqrt((i + 1) / 12.5) * DAY_MS)),
    ),
    // two minor fuser codes this week
    { ts: T - 2 * DAY_MS, type: 'fault.raised', code: 'F-302', severity: 'minor', component: 'fuser' },
    { ts: T - 1 * DAY_MS, type: 'fault.raised', code: 'F-302', severity: 'minor', component: 'fuser' },
  ];
  const d = device({ events });
  const precursor = {
    terminalRate: 2e-3,
    leadShare: [0.1, 0.3] as [number, number],
    share: 0.8,
    failures: 50,
  };

  it('reads the rate the codes have reached, how long they have risen and the other parts codes', () => {
    const f = features(d, 'roller');

    expect(f('codes.rampRate')).toBeGreaterThan(0);
    expect(f('codes.rampDays')).toBeGreaterThan(20);
    expect(f('codes.rampDays')).toBeLessThan(40);
    expect(f('codes.otherOwn7d')).toBe(2);
    // 60 days × 600 pages since the PM, in months of the rated 30,000
    expect(f('service.dutyMonthsSincePm')).toBeCloseTo(1.2, 9);
    // without a learned precursor model: no progress, no posterior
    expect(f('codes.rampProgress')).toBeNaN();
    expect(f('codes.postP7d')).toBeNaN();
  });

  it('weighs them with a learned precursor model: progress, days left and a posterior that rises with the horizon', () => {
    const f = features(d, 'roller', T, { precursorCodes: { roller: precursor } });

    expect(f('codes.rampProgress')).toBeCloseTo(f('codes.rampRate') / 1000 / 2e-3, 9);
    expect(Number.isFinite(f('codes.rampDaysLeft'))).toBe(true);
    expect(f('codes.postP7d')).toBeGreaterThan(0);
    expect(f('codes.postP30d')).toBeGreaterThanOrEqual(f('codes.postP7d'));
    expect(f('codes.postP30d')).toBeLessThanOrEqual(1);
  });

  it('learns the precursor model from failures of parts whose age is known', () => {
    // five rollers fitted on day 20 that raised a rising run of jams and failed on day 119
    const devices = Array.from({ length: 5 }, (_, k) =>
      device({
        deviceId: `d${k}`,
        events: [
          { ts: day(20), type: 'part.replaced', component: 'roller' },
          ...Array.from({ length: 8 }, (_, i) =>
            jam(day(119) - Math.round(20 * Math.sqrt(1 - i / 8) * DAY_MS)),
          ),
          { ts: day(119) + H, type: 'fault.raised', code: 'J-102', severity: 'machine-down' },
        ],
      }),
    );
    const models = learnPrecursorCodeModels(
      devices.map((x) => buildTimeline(x, SYNTHETIC_MODEL)),
      T,
    );

    expect(Object.keys(models)).toEqual(['roller']);
    expect(models.roller.failures).toBe(5);
    expect(models.roller.share).toBe(1);
    // the ramps span about the last 20 of 99 days of use
    expect(models.roller.leadShare[0]).toBeGreaterThan(0.1);
    expect(models.roller.leadShare[1]).toBeLessThan(0.35);
    expect(models.roller.terminalRate).toBeGreaterThan(0);
  });
});

describe(daysToLevel.name, () => {
  it.each([
    // 2 sd to go at 0.5 sd a day
    { level: -8, slope: -0.5, fail: -10, want: 4 },
    // drifting the other way: never
    { level: -8, slope: 0.5, fail: -10, want: 365 },
    { level: -8, slope: 0, fail: -10, want: 365 },
    // slow: capped at a year
    { level: -8, slope: -0.001, fail: -10, want: 365 },
    // past it
    { level: -12, slope: -0.5, fail: -10, want: -6 },
    { level: NaN, slope: -0.5, fail: -10, want: NaN },
  ])('level $level at slope $slope toward $fail: $want days', ({ level, slope, fail, want }) => {
    if (Number.isNaN(want)) expect(daysToLevel(level, slope, fail)).toBeNaN();
    else expect(daysToLevel(level, slope, fail)).toBeCloseTo(want, 6);
  });
});

describe(learnFailLevels.name, () => {
  it('learns the level a gauge reaches before failures, in fleet standard deviations', () => {
    // five devices whose fuser failed at the start of day 119 after cooling to 177
    const devices = Array.from({ length: 5 }, (_, k) =>
      device({
        deviceId: `d${k}`,
        events: [{ ts: day(119) + 10 * H, type: 'fault.raised', code: 'F-301', severity: 'machine-down' }],
      }),
    );
    const timelines = devices.map((d) => buildTimeline(d, SYNTHETIC_MODEL));
    const norms = fleetNorms(timelines, T);
    const levels = learnFailLevels(
      timelines,
      { 'SYN-1/fuser.temp_c': { ...norms['SYN-1/fuser.temp_c'], sd: 0.5 } },
      T,
    );

    // days 116..118 before the failure day: 182, 181, 179 → −2/3 °C, under 3 sd: not learned
    expect(levels).toEqual({});
    const sharper = learnFailLevels(timelines, { 'SYN-1/fuser.temp_c': { mean: 182, range: 2, sd: 0.1 } }, T);
    expect(sharper.fuser['fuser.temp_c']).toBeCloseTo((181 + 179 + 182 - 3 * 182) / 3 / 0.1, 9);
  });
});
