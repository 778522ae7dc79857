import {
  FailurePredictor,
  historyBefore,
  remainingLife,
  trainPredictor,
  type DevicePrediction,
  type PredictorOptions,
  type TrainedPredictor,
} from './failure-predictor.js';
import {
  DAY_MS,
  emptySeries,
  type DailySeries,
  type DeviceHistory,
  type FleetHistory,
  type ModelInfo,
} from './prediction-input.js';
import { SYNTHETIC_MODEL, syntheticFleet } from './synthetic-fleet.js';

const START = Date.UTC(2024, 0, 1);
const H = 3_600_000;
// small and quick: enough failures for both condition models
const OPTIONS: Partial<PredictorOptions> = {
  maxNegativesPerComponent: 3000,
  holdoutDays: 60,
  gbm: { rounds: 40, learningRate: 0.2, maxLeaves: 8, minLeafRows: 20, earlyStoppingRounds: 10 },
};
const CUTOFF = START + 300 * DAY_MS;

/** Every number in a prediction, so one test can say none is NaN. */
function numbers(p: DevicePrediction): number[] {
  return p.components.flatMap((c) => [
    ...c.risk.map((r) => r.probability),
    ...c.lifeRisk,
    c.remainingLife.days,
    ...(c.remainingLife.usage === c.remainingLife.usage ? [c.remainingLife.usage] : []),
  ]);
}

/** A copy of a device where everything at or after t is garbage, and more failures are added. */
function poisonedAfter(d: DeviceHistory, t: number): DeviceHistory {
  const metrics: Record<string, DailySeries> = {};
  for (const [name, s] of Object.entries(d.metrics)) {
    const bad = (i: number, v: number): number => (s.day[i] + DAY_MS > t ? [NaN, 1e9, -1e9][i % 3] : v);
    metrics[name] = {
      day: [...s.day],
      mean: s.mean.map((v, i) => bad(i, v)),
      min: s.min.map((v, i) => bad(i, v)),
      max: s.max.map((v, i) => bad(i, v)),
      count: s.count.map((v, i) => bad(i, v)),
      last: s.last.map((v, i) => bad(i, v)),
    };
  }
  const events = [
    ...d.events.filter((e) => e.ts < t),
    {
      ts: t,
      type: 'fault.raised' as const,
      code: 'F-301',
      severity: 'machine-down' as const,
      component: 'fuser',
    },
    {
      ts: t + H,
      type: 'fault.raised' as const,
      code: 'J-101',
      severity: 'minor' as const,
      component: 'roller',
    },
    { ts: t + 2 * H, type: 'part.replaced' as const, component: 'roller' },
    { ts: t + 30 * DAY_MS, type: 'fault.raised' as const, code: 'J-102', severity: 'machine-down' as const },
  ];
  return { ...d, metrics, events };
}

describe(trainPredictor.name, () => {
  const fleet = syntheticFleet({ devices: 40, days: 360, seed: 1, start: START });
  let trained: TrainedPredictor;
  let predictor: FailurePredictor;
  const model = (id: string): ModelInfo | undefined =>
    id === SYNTHETIC_MODEL.modelId ? SYNTHETIC_MODEL : undefined;

  beforeAll(() => {
    trained = trainPredictor(fleet.history, CUTOFF, OPTIONS);
    predictor = new FailurePredictor(trained);
  });

  it('learns a condition model for each component that failed often enough, with thresholds from the hold-out', () => {
    expect(trained.components.fuser.models.every((m) => m !== null)).toBe(true);
    expect(trained.components.roller.models.every((m) => m !== null)).toBe(true);
    expect(trained.thresholdBasis).toBe('holdout');
    expect(trained.trainedAsOf).toBe(CUTOFF);
  });

  it('trains the same model whatever the history holds after the cut-off (no look-ahead in training)', () => {
    const poisoned: FleetHistory = {
      models: fleet.history.models,
      devices: fleet.history.devices.map((d) => poisonedAfter(d, CUTOFF)),
    };
    const again = trainPredictor(poisoned, CUTOFF, OPTIONS);

    expect(JSON.stringify(again)).toBe(JSON.stringify(trained));
  });

  it.each([
    { device: 0, day: 310 },
    { device: 7, day: 333 },
    { device: 21, day: 350 },
  ])(
    'scores device $device on day $day the same when everything after it is poisoned (no look-ahead)',
    ({ device, day }) => {
      const d = fleet.history.devices[device];
      const t = START + day * DAY_MS;

      const clean = predictor.scoreDevice(d, SYNTHETIC_MODEL, t);
      const poisoned = predictor.scoreDevice(poisonedAfter(d, t), SYNTHETIC_MODEL, t);

      expect(poisoned).toEqual(clean);
    },
  );

  it('survives a round trip through JSON with identical scores', () => {
    const copy = FailurePredictor.fromJSON(JSON.parse(JSON.stringify(trained)) as TrainedPredictor);
    const d = fleet.history.devices[3];
    const t = START + 320 * DAY_MS;

    expect(copy.scoreDevice(d, SYNTHETIC_MODEL, t)).toEqual(predictor.scoreDevice(d, SYNTHETIC_MODEL, t));
  });

  it('trains format v2 and still reads a v1 predictor, whose trees name their columns in another order', () => {
    expect(trained.format).toBe('failure-predictor-v2');
    // a v1 predictor's trees read a subset of today's features in their own order: here the
    // same trees with their columns reversed, their splits renumbered to match
    const v1 = JSON.parse(JSON.stringify(trained)) as TrainedPredictor;
    v1.format = 'failure-predictor-v1';
    for (const c of Object.values(v1.components)) {
      for (const m of c.models) {
        if (!m) continue;
        const n = m.featureNames.length;
        m.featureNames.reverse();
        for (const tree of m.trees) tree.feature = tree.feature.map((f) => (f < 0 ? f : n - 1 - f));
      }
    }
    const d = fleet.history.devices[9];
    const t = START + 330 * DAY_MS;

    expect(FailurePredictor.fromJSON(v1).scoreDevice(d, SYNTHETIC_MODEL, t)).toEqual(
      predictor.scoreDevice(d, SYNTHETIC_MODEL, t),
    );
  });

  it.each([
    {
      name: 'an unknown format',
      edit: (j: TrainedPredictor) => ((j as { format: string }).format = 'failure-predictor-v0'),
      error: /unknown predictor format failure-predictor-v0.*retrain/,
    },
    {
      name: 'trees that read a feature this engine does not compute',
      edit: (j: TrainedPredictor) => (j.components.fuser.models[0]!.featureNames[0] = 'gauge.crystalBall'),
      error: /fuser model .* reads feature gauge\.crystalBall, which this engine does not compute: retrain/,
    },
  ])('refuses $name with a clear error', ({ edit, error }) => {
    const json = JSON.parse(JSON.stringify(trained)) as TrainedPredictor;
    edit(json);

    expect(() => FailurePredictor.fromJSON(json)).toThrow(error);
  });

  it("raises a device's risk as its fuser temperature falls toward failure", () => {
    // a hand-made device: steady for 200 days, then the fuser cools 10 °C over 25 days
    const days = 230;
    const temp = emptySeries();
    const pages = emptySeries();
    for (let day = 0; day < days; day++) {
      const drift = day < 200 ? 0 : (10 * (day - 200)) / 25;
      const v = 182 - drift + (day % 2 ? 0.2 : -0.2);
      temp.day.push(START + day * DAY_MS);
      temp.mean.push(v);
      temp.min.push(v - 2 - drift / 3);
      temp.max.push(v + 2 + drift / 3);
      temp.count.push(24);
      temp.last.push(v);
      pages.day.push(START + day * DAY_MS);
      pages.mean.push(1000 * day + 500);
      pages.min.push(1000 * day);
      pages.max.push(1000 * (day + 1));
      pages.count.push(24);
      pages.last.push(1000 * (day + 1));
    }
    const d: DeviceHistory = {
      deviceId: 'hand-made',
      modelId: SYNTHETIC_MODEL.modelId,
      installDate: START,
      metrics: { 'fuser.temp_c': temp, 'pages.total': pages },
      events: [],
    };
    const risk = (day: number): number =>
      predictor
        .scoreDevice(d, SYNTHETIC_MODEL, START + day * DAY_MS)
        .components.find((c) => c.component === 'fuser')!.risk[0].probability;

    // the 7-day risk stays low while the temperature is steady, then climbs as it falls
    const week = [195, 212, 219, 226].map(risk);

    expect(week[0]).toBeLessThan(0.05);
    for (let i = 1; i < week.length; i++) expect(week[i]).toBeGreaterThanOrEqual(week[i - 1]);
    expect(week[3]).toBeGreaterThan(0.5);
    const fuser = predictor.scoreDevice(d, SYNTHETIC_MODEL, START + 226 * DAY_MS).components[0];
    expect(fuser.evidence.join(' ')).toMatch(/fuser temperature −\d/);
  });

  describe('defined answers', () => {
    const t = START + 320 * DAY_MS;
    const expectDefined = (p: DevicePrediction): void => {
      for (const x of numbers(p)) expect(Number.isFinite(x)).toBe(true);
      for (const c of p.components) for (const r of c.risk) expect(r.probability).toBeGreaterThanOrEqual(0);
    };

    it('for a device with no history: life model alone, with the reason', () => {
      const d: DeviceHistory = {
        deviceId: 'new',
        modelId: 'SYN-1',
        installDate: t - 5 * DAY_MS,
        metrics: {},
        events: [],
      };
      const p = predictor.scoreDevice(d, SYNTHETIC_MODEL, t);

      expectDefined(p);
      expect(p.components.map((c) => c.status)).toEqual(['no-history', 'no-history']);
      expect(p.components.every((c) => c.basis === 'life')).toBe(true);
      expect(p.reasons.join(' ')).toMatch(/no telemetry or events/);
    });

    it('for a component that never failed anywhere: the catalog prior, with the reason', () => {
      const withBoard: ModelInfo = {
        ...SYNTHETIC_MODEL,
        components: [...SYNTHETIC_MODEL.components, { name: 'board', expectedLife: 2_000_000 }],
      };
      const retrained = trainPredictor(
        { models: [withBoard], devices: fleet.history.devices.slice(0, 20) },
        CUTOFF,
        OPTIONS,
      );
      const p = new FailurePredictor(retrained).scoreDevice(fleet.history.devices[0], withBoard, t);
      const board = p.components.find((c) => c.component === 'board')!;

      expectDefined(p);
      expect(board.basis).toBe('life');
      expect(board.reasons.join(' ')).toMatch(/no board failure on record/);
      expect(board.risk[0].probability).toBeLessThan(0.01);
    });

    it('for a device silent for weeks: risk from before the gap, with the reason', () => {
      const d = historyBefore(
        { models: [SYNTHETIC_MODEL], devices: [fleet.history.devices[4]] },
        t - 20 * DAY_MS,
      ).devices[0];
      const p = predictor.scoreDevice(d, SYNTHETIC_MODEL, t);

      expectDefined(p);
      expect(p.components[0].reasons.join(' ')).toMatch(/no data for 20 days/);
      expect(p.components[0].evidence.join(' ')).toMatch(/no telemetry for 20 days/);
    });

    it('for clock jumps: a counter going backwards and leaping, events out of order and in the future', () => {
      const base = fleet.history.devices[5];
      const pages = base.metrics['pages.total'];
      const jumped: DailySeries = {
        ...pages,
        last: pages.last.map((v, i) => (i === 250 ? 5 : i === 260 ? 9e12 : v)),
      };
      const d: DeviceHistory = {
        ...base,
        metrics: { ...base.metrics, 'pages.total': jumped },
        events: [
          {
            ts: t + 400 * DAY_MS,
            type: 'fault.raised',
            code: 'J-101',
            severity: 'minor',
            component: 'roller',
          },
          ...base.events,
          { ts: START - 900 * DAY_MS, type: 'part.replaced', component: 'fuser' },
        ],
      };
      const p = predictor.scoreDevice(d, SYNTHETIC_MODEL, t);

      expectDefined(p);
      expect(p.reasons.join(' ')).toMatch(/implausible usage-counter readings/);
    });

    it('for a device whose model is not in the registry: no components, with the reason', () => {
      const d: DeviceHistory = {
        deviceId: 'x',
        modelId: 'UNKNOWN',
        installDate: null,
        metrics: {},
        events: [],
      };
      const p = predictor.scoreDevice(d, model('UNKNOWN'), t);

      expect(p.components).toEqual([]);
      expect(p.reasons.join(' ')).toMatch(/not in the registry/);
    });

    it('for a component failed and awaiting repair: no alert, with the reason', () => {
      const base = fleet.history.devices[6];
      const d: DeviceHistory = {
        ...base,
        events: [
          ...base.events.filter((e) => e.ts < t),
          {
            ts: t - 2 * H,
            type: 'fault.raised',
            code: 'F-301',
            severity: 'machine-down',
            component: 'fuser',
          },
        ],
      };
      const fuser = predictor.scoreDevice(d, SYNTHETIC_MODEL, t).components[0];

      expect(fuser.status).toBe('failed');
      expect(fuser.risk.every((r) => !r.alert)).toBe(true);
      expect(fuser.reasons.join(' ')).toMatch(/awaiting repair/);
    });
  });
});

describe(remainingLife.name, () => {
  it.each([
    // half fail within 7 days exactly
    { probability: [0.5, 0.7, 0.9], want: 7 },
    // log-survival interpolated between 7 (S = 0.8) and 14 days (S = 0.4)
    { probability: [0.2, 0.6, 0.9], want: 7 + (7 * Math.log(0.5 / 0.8)) / Math.log(0.4 / 0.8) },
  ])(
    'is the median from the horizons when one of them reaches one half: $want days',
    ({ probability, want }) => {
      const r = remainingLife(
        [7, 14, 30],
        probability,
        { shape: 2, scale: 1e6 },
        { originKnown: true, usage: 0, upperUsage: 0 },
        100,
      );

      expect(r.days).toBeCloseTo(want, 9);
      expect(r.usage).toBeCloseTo(want * 100, 6);
    },
  );

  it('follows the life model past the last horizon', () => {
    // exponential life of 10,000 pages at 100 pages a day: memoryless median 69.3 days
    const r = remainingLife(
      [7, 14, 30],
      [0, 0, 0],
      { shape: 1, scale: 10_000 },
      { originKnown: true, usage: 0, upperUsage: 0 },
      100,
    );

    expect(r.days).toBeCloseTo(30 + 100 * Math.LN2, 6);
  });

  it('has a finite answer with no usage rate and no risk', () => {
    const r = remainingLife([7], [0], undefined, { originKnown: false, usage: NaN, upperUsage: 0 }, null);

    expect(Number.isFinite(r.days)).toBe(true);
  });
});
