import type { MqttClient } from 'mqtt';
import { deviceTopic } from '../src/contract/index.js';
import type { PredictionAlert } from '../src/events/domain-events.js';
import { JobRunner } from '../src/infrastructure/jobs/job-runner.js';
import type { EventRecord, TelemetryPoint } from '../src/ports/records.js';
import type { ScoringRunSummary } from '../src/predictions/prediction-scoring.service.js';
import type { TrainingRunSummary } from '../src/predictions/prediction-training.service.js';
import { DAY_MS, type ModelInfo } from '../src/predictions/prediction-input.js';
import { SYNTHETIC_MODEL, syntheticFleet } from '../src/predictions/synthetic-fleet.js';
import { nextEvent } from './helpers/domain-events.js';
import { fleetAsPoints, HISTORY_MAPPING, historyCsv, registryModel } from './helpers/prediction-fleet.js';
import { connectClient, startTestApp, type TestApp } from './helpers/test-app.js';

const START = Date.UTC(2024, 0, 1);
const H = 3_600_000;
/** The history the fleet brings: 300 days; the model is trained at their end. */
const TRAINED = START + 300 * DAY_MS;
const TARGET = 'syn-001';
const GAP = 'syn-002';
const JUMP = 'syn-003';
const NEW = 'syn-new';
// a part no device's history has seen fail
const MODEL: ModelInfo = {
  ...SYNTHETIC_MODEL,
  components: [...SYNTHETIC_MODEL.components, { name: 'board', expectedLife: 3_000_000 }],
};

interface ComponentAnswer {
  component: string;
  status: string;
  basis: string | null;
  risk: Array<{ horizonDays: number; probability: number; alert: boolean }>;
  alert: boolean;
  remainingDays: number | null;
  remainingUsage: number | null;
  evidence: string[];
  reasons: string[];
  history: Array<{ ts: number; probabilities: Array<{ horizonDays: number; probability: number }> }>;
}
interface DeviceAnswer {
  deviceId: string;
  modelVersion: string | null;
  components: ComponentAnswer[];
}
interface RankingRow {
  deviceId: string;
  component: string;
  siteId: string | null;
  customerId: string | null;
  probability: number;
  alert: boolean;
  horizonDays: number;
}

/** Every number in an answer, so a test can say none is NaN (JSON would carry it as null). */
function numbersIn(x: unknown): number[] {
  if (typeof x === 'number') return [x];
  if (Array.isArray(x)) return x.flatMap(numbersIn);
  if (x && typeof x === 'object') return Object.values(x).flatMap(numbersIn);
  return [];
}

describe('Failure predictions in the platform, end to end', () => {
  let app: TestApp;
  let jobs: JobRunner;
  const fleet = syntheticFleet({ devices: 30, days: 300, seed: 2, start: START });
  const synthetic = fleetAsPoints(fleet.history);
  const points = synthetic.points;
  // the target's fuser was replaced a few days before: a young part, a low risk to start from
  const events: EventRecord[] = [
    ...synthetic.events,
    { deviceId: TARGET, ts: TRAINED - 6 * DAY_MS, type: 'part.replaced', component: 'fuser' },
  ];
  const target = fleet.history.devices[0];

  const score = (at: number): Promise<ScoringRunSummary> =>
    jobs.runNow('predictions.scoring', at) as Promise<ScoringRunSummary>;
  /**
   * GET once more when the connection was reset: under test the training runs on the
   * test's own thread (the built service runs it in a worker), and a keep-alive socket
   * the server timed out meanwhile is reset on its first reuse.
   */
  const get = async <T>(path: string): Promise<{ status: number; body: T; text: string }> => {
    try {
      return await app.get<T>(path);
    } catch {
      return app.get<T>(path);
    }
  };
  const device = async (id: string, query = ''): Promise<DeviceAnswer> => {
    const r = await get<DeviceAnswer>(`/api/v1/predictions/devices/${id}${query}`);
    expect(r.status).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    app = await startTestApp({
      KPI_REFRESH_INTERVAL_MS: '0',
      PREDICTION_SCORING_INTERVAL_MS: '0',
      PREDICTION_TRAINING_INTERVAL_MS: '0',
      PREDICTION_BACKTEST_DAYS: '60',
    });
    jobs = app.app.get(JobRunner);
    const put = async (path: string, body: unknown): Promise<void> => {
      const r = await app.request('PUT', path, body);
      expect(r.status).toBeLessThan(300);
    };
    await put('/api/v1/registry/customers/C-1', { name: 'Acme' });
    await put('/api/v1/registry/customers/C-2', { name: 'Globex' });
    await put('/api/v1/registry/sites/S-1', { customerId: 'C-1', name: 'HQ' });
    await put('/api/v1/registry/sites/S-2', { customerId: 'C-2', name: 'Plant' });
    await put(`/api/v1/registry/models/${MODEL.modelId}`, registryModel(MODEL));
    const devices = [...fleet.history.devices.map((d) => d.deviceId), NEW].map((deviceId, i) => ({
      deviceId,
      modelId: MODEL.modelId,
      siteId: i % 2 ? 'S-2' : 'S-1',
      installDate: new Date(deviceId === NEW ? TRAINED - 2 * DAY_MS : START).toISOString(),
    }));
    const imported = await app.request('POST', '/api/v1/registry/devices/import', devices);
    expect(imported.status).toBe(200);

    // the fleet's history from a field-service export; the gap device stops 12 days early
    const keep = (deviceId: string, ts: number): boolean =>
      ts < TRAINED && !(deviceId === GAP && ts >= TRAINED - 12 * DAY_MS);
    const csv = historyCsv(
      points.filter((p) => keep(p.deviceId, p.ts)),
      events.filter((e) => keep(e.deviceId, e.ts)),
    );
    const mapping = encodeURIComponent(JSON.stringify(HISTORY_MAPPING));
    const history = await app.request('POST', `/api/v1/history/import?mapping=${mapping}`, csv, {
      'content-type': 'text/csv',
    });
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ rejected: 0 });
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('trains on the imported history and records the model with its backtest', async () => {
    const run = (await jobs.runNow('predictions.training', TRAINED)) as TrainingRunSummary;

    expect(run).toMatchObject({ trained: true, basis: 'condition-and-life', devices: 31 });
    const models = await get<{ data: Array<Record<string, unknown>> }>('/api/v1/predictions/models');
    expect(models.status).toBe(200);
    const model = models.body.data[0] as {
      version: string;
      trainedAsOf: number;
      components: Array<{ component: string; conditionModel: boolean; reason?: string }>;
      backtest: { methods: Array<{ method: string; horizons: Array<{ f1: number | null }> }> } | null;
    };
    expect(model.version).toBe(run.version);
    expect(model.trainedAsOf).toBe(TRAINED);
    expect(model.components.find((c) => c.component === 'fuser')?.conditionModel).toBe(true);
    expect(model.components.find((c) => c.component === 'board')?.reason).toMatch(/no board failure/);
    expect(model.backtest?.methods.map((m) => m.method)).toEqual([
      'model',
      'mtbf-rule',
      'catalog-life',
      'life-model',
      'precursor-code-24h',
    ]);
    // asking again before it is due trains nothing
    const again = (await jobs.runNow('predictions.training', TRAINED + DAY_MS)) as TrainingRunSummary;
    expect(again.trained).toBe(false);
  }, 180_000);

  it('raises the risk of a device whose fuser cools toward failure, and publishes the alert', async () => {
    const client: MqttClient = await connectClient(app.mqttUrl, TARGET);
    const alert = nextEvent(
      app.app,
      'prediction.alert-raised',
      (a: PredictionAlert) => a.deviceId === TARGET && a.component === 'fuser',
    );
    let counter = target.metrics['pages.total'].last.at(-1)!;
    const steady: number[] = [];
    const falling: number[] = [];
    const seen = { raised: false };
    void alert.then(() => (seen.raised = true));
    // day by day over MQTT: a month steady, then the fuser's temperature falls a degree a day
    const STEADY = 30;
    for (let day = 0; day < STEADY + 30 && !seen.raised; day++) {
      const t = TRAINED + day * DAY_MS;
      const drift = Math.max(0, day - STEADY + 1);
      const mean = 182 - drift + (day % 2 ? 0.2 : -0.2);
      const used = 1000;
      const samples = [
        { ts: t + H, gauges: { 'fuser.temp_c': mean - 2 - drift / 3 }, counters: { 'pages.total': counter } },
        { ts: t + 2 * H, gauges: { 'fuser.temp_c': mean + 2 + drift / 3 } },
        { ts: t + 3 * H, gauges: { 'fuser.temp_c': mean } },
        { ts: t + 23 * H, counters: { 'pages.total': counter + used } },
      ];
      counter += used;
      const stored = nextEvent(app.app, 'telemetry.stored', (p) =>
        p.devices.some((d) => d.deviceId === TARGET && d.to >= t + 23 * H),
      );
      await client.publishAsync(deviceTopic(TARGET, 'telemetry'), JSON.stringify(samples), { qos: 1 });
      await stored;
      const run = await score(t + DAY_MS);
      expect(run.scoredDevices).toBeGreaterThan(0);
      const fuser = (await device(TARGET)).components.find((c) => c.component === 'fuser')!;
      (day < STEADY ? steady : falling).push(fuser.risk[0].probability);
    }
    await client.endAsync();
    const a = await alert;

    expect(a).toMatchObject({ deviceId: TARGET, component: 'fuser', horizonDays: 7 });
    expect(a.probability).toBeGreaterThanOrEqual(a.threshold);
    expect(a.evidence[0]).toMatch(/fuser temperature −\d/);
    // raised by the fall, not before it: low while steady, then rising to the alert
    expect(steady.length).toBe(STEADY);
    expect(Math.max(...steady)).toBeLessThan(a.threshold);
    expect(falling.at(-1)).toBeCloseTo(a.probability, 9);
    expect(falling.at(-1)!).toBeGreaterThan(10 * Math.max(...steady.slice(-7)));
    const answer = await device(TARGET, `?from=${TRAINED}&to=${TRAINED + 40 * DAY_MS}&component=fuser`);
    const fuser = answer.components[0];
    expect(fuser.alert).toBe(true);
    expect(fuser.history.length).toBe(steady.length + falling.length);
    expect(fuser.history.at(-1)!.probabilities[0].probability).toBeCloseTo(a.probability, 9);
  }, 300_000);
});
