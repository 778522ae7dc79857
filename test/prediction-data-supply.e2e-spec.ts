import { join } from 'node:path';
import { InfluxTelemetryStore } from '../src/infrastructure/influxdb/influx-telemetry.store.js';
import { SqliteTelemetryStore } from '../src/infrastructure/sqlite/sqlite-telemetry.store.js';
import type { EventRecord, TelemetryPoint } from '../src/ports/records.js';
import type { TelemetryStore } from '../src/ports/telemetry-store.port.js';
import { FailurePredictor, trainPredictor } from '../src/predictions/failure-predictor.js';
import { FleetHistoryReader, type SupplyDevice } from '../src/predictions/fleet-history.reader.js';
import {
  DAY_MS,
  DailyAggregator,
  dayStart,
  type DeviceHistory,
  type FleetHistory,
  type ModelInfo,
} from '../src/predictions/prediction-input.js';
import { ScoringHistoryCache } from '../src/predictions/scoring-history.cache.js';
import { SYNTHETIC_MODEL, syntheticFleet } from '../src/predictions/synthetic-fleet.js';
import { influxV1Config, quietObserver } from './helpers/influx-config.js';
import { startInfluxd } from './helpers/influxdb.js';
import { fleetAsPoints } from './helpers/prediction-fleet.js';
import { tempDir } from './helpers/temp-dir.js';

const START = Date.UTC(2024, 0, 1);
const H = 3_600_000;
// the engine looks for a gauge drift's onset over 120 days
const GAUGE_DAYS = 130;
// a long-lived part beside the synthetic ones: its age goes back past the lookback
const MODEL: ModelInfo = {
  ...SYNTHETIC_MODEL,
  components: [...SYNTHETIC_MODEL.components, { name: 'board', expectedLife: 3_000_000 }],
};

/** The engine's input built straight from points and events: what the supply must reproduce. */
function reference(points: readonly TelemetryPoint[], events: readonly EventRecord[]): FleetHistory {
  const agg = new DailyAggregator();
  for (const p of points) agg.add(p);
  const byDevice = new Map<string, EventRecord[]>();
  for (const e of events) byDevice.set(e.deviceId, [...(byDevice.get(e.deviceId) ?? []), e]);
  return {
    models: [MODEL],
    devices: agg.deviceIds().map((deviceId): DeviceHistory => ({
      deviceId,
      modelId: MODEL.modelId,
      installDate: START,
      metrics: agg.series(deviceId),
      events: (byDevice.get(deviceId) ?? []).map(({ deviceId: _d, ...e }) => e).sort((a, b) => a.ts - b.ts),
    })),
  };
}

// the same history on each store: the cache reads it through the port alone
const STORES: Array<
  [string, (dir: string) => Promise<{ store: TelemetryStore; stop: () => Promise<void> }>]
> = [
  [
    'SQLite',
    (dir) => {
      const store = new SqliteTelemetryStore(join(dir, 'ts.sqlite'));
      return Promise.resolve({ store, stop: () => store.close() });
    },
  ],
  [
    'InfluxDB 1.6',
    async (dir) => {
      const influxd = await startInfluxd();
      const store = new InfluxTelemetryStore(
        influxV1Config(influxd.url, 'fleet'),
        join(dir, 'spool'),
        quietObserver,
      );
      await store.start();
      return {
        store,
        stop: async () => {
          await store.close();
          await influxd.remove();
        },
      };
    },
  ],
];

describe.each(STORES)(`${ScoringHistoryCache.name} on %s`, (_name, open) => {
  const dir = tempDir('fleet-supply-');
  let store: TelemetryStore;
  let stop: () => Promise<void>;
  const fleet = syntheticFleet({ devices: 24, days: 520, seed: 4, start: START });
  const { points, events: synthetic } = fleetAsPoints(fleet.history);
  // every other device had its board changed early on (an origin before the lookback); the
  // others run on the board they were installed with (their data starts at the install) and
  // had a PM early on (the usage since the last PM goes back past the lookback)
  const PM_AT = START + 15 * DAY_MS + 9 * H;
  const events = [
    ...synthetic,
    ...fleet.history.devices.map((d, i): EventRecord =>
      i % 2 === 0
        ? {
            deviceId: d.deviceId,
            ts: START + 12 * DAY_MS + 10 * H,
            type: 'part.replaced',
            component: 'board',
          }
        : { deviceId: d.deviceId, ts: PM_AT, type: 'pm.done' },
    ),
  ];
  const devices: SupplyDevice[] = fleet.history.devices.map((d) => ({
    deviceId: d.deviceId,
    modelId: d.modelId,
    installDate: d.installDate,
  }));
  const models = new Map([[MODEL.modelId, MODEL]]);
  let predictor: FailurePredictor;

  beforeAll(async () => {
    ({ store, stop } = await open(dir.path));
    for (let i = 0; i < points.length; i += 20_000) await store.write(points.slice(i, i + 20_000), []);
    await store.write([], events);
    predictor = new FailurePredictor(
      trainPredictor(reference(points, events), START + 380 * DAY_MS, {
        maxNegativesPerComponent: 2000,
        holdoutDays: 60,
        gbm: { rounds: 30, learningRate: 0.2, maxLeaves: 8, minLeafRows: 20, earlyStoppingRounds: 10 },
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await stop();
    dir.remove();
  });

  /**
   * Scores from the cache equal those from the whole history. Gauges are compared from
   * the same first day: the engine's prefix sums round differently with the length of
   * a series (1e-9 in a z-score, enough to flip a tree split now and then), and its
   * gauge features read 37 days at most.
   */
  const expectSameScores = (cache: ScoringHistoryCache, ref: FleetHistory, t: number): void => {
    const gaugeStart = dayStart(t) - GAUGE_DAYS * DAY_MS;
    for (const d of ref.devices) {
      const whole = { ...d, metrics: { ...d.metrics } };
      const temp = d.metrics['fuser.temp_c'];
      const from = temp.day.findIndex((day) => day >= gaugeStart);
      whole.metrics['fuser.temp_c'] = {
        day: temp.day.slice(from),
        mean: temp.mean.slice(from),
        min: temp.min.slice(from),
        max: temp.max.slice(from),
        count: temp.count.slice(from),
        last: temp.last.slice(from),
      };
      const history = cache.history(d.deviceId)!;
      const fromCache = predictor.scoreDevice(history, MODEL, t);
      const fromAll = predictor.scoreDevice(whole, MODEL, t);
      expect(fromCache).toEqual(fromAll);
      // the board's age is known, from its replacement or from the install
      const board = fromCache.components.find((c) => c.component === 'board')!;
      expect(board.reasons.join(' ')).not.toMatch(/no replacement on record/);
      // the last PM, however old, and the counter's reading before it
      const pm = d.events.filter((e) => e.type === 'pm.done').at(-1);
      expect(history.events.filter((e) => e.type === 'pm.done').at(-1)?.ts).toBe(pm?.ts);
      if (pm) {
        const usage = history.metrics[MODEL.usageMetric];
        expect(usage.day.some((day) => day + DAY_MS <= pm.ts && day >= pm.ts - 7 * DAY_MS)).toBe(true);
      }
    }
  };

  it('scores as the whole history does, from a lookback, its anchors and the days read since', async () => {
    // a lookback shorter than the history: parts fitted before it, data from the install before it
    const cache = new ScoringHistoryCache(new FleetHistoryReader(store), {
      lookbackDays: 400,
      gaugeDays: GAUGE_DAYS,
    });
    const ref = reference(points, events);
    const t1 = START + 430 * DAY_MS + 6 * H;

    const first = await cache.refresh(devices, models, t1);
    expect(first.loaded).toBe(devices.length);
    expectSameScores(cache, ref, t1);

    // the next days come in fleet-wide, one query per metric
    for (const t of [t1 + DAY_MS, t1 + 9 * DAY_MS]) {
      const next = await cache.refresh(devices, models, t);
      expect(next.loaded).toBe(0);
      expect(next.changed.size).toBe(devices.length);
      expectSameScores(cache, ref, t);
    }
    // the cache holds the windows, not the history
    const held = cache.size();
    expect(held.rows).toBeLessThan(devices.length * (400 + 2 * GAUGE_DAYS + 20));
  }, 120_000);

  it('reads a device again when late data arrives for days it had read', async () => {
    const cache = new ScoringHistoryCache(new FleetHistoryReader(store), {
      lookbackDays: 400,
      gaugeDays: GAUGE_DAYS,
    });
    const t = START + 470 * DAY_MS;
    await cache.refresh(devices, models, t);
    const late: EventRecord[] = [
      // a part fitted long ago that the field-service export brought in late, and a recent code
      { deviceId: 'syn-004', ts: START + 40 * DAY_MS + 3 * H, type: 'part.replaced', component: 'roller' },
      {
        deviceId: 'syn-004',
        ts: t - 2 * DAY_MS,
        type: 'fault.raised',
        code: 'J-101',
        severity: 'minor',
        component: 'roller',
      },
    ];
    const latePoints: TelemetryPoint[] = [
      { deviceId: 'syn-004', metric: 'fuser.temp_c', kind: 'gauge', ts: t - 3 * DAY_MS + 5 * H, value: 150 },
    ];
    await store.write(latePoints, late);

    const again = await cache.refresh(devices, models, t + H, new Map([['syn-004', START + 40 * DAY_MS]]));

    expect(again.loaded).toBe(1);
    expectSameScores(cache, reference([...points, ...latePoints], [...events, ...late]), t + H);
  }, 120_000);
});
