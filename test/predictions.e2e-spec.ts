import type { MqttClient } from 'mqtt';
import { deviceTopic } from '../src/contract/index.js';
import type { PredictionAlert } from '../src/events/domain-events.js';
import { JobRunner } from '../src/infrastructure/jobs/job-runner.js';
import type { EventRecord } from '../src/ports/records.js';
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
  }, 600_000);

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
    // a month of falling without an alert fails here, with the risks it had, not at the timeout
    expect({ raised: seen.raised, falling }).toMatchObject({ raised: true });
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
  }, 900_000);

  it('clears the alert when the part is replaced, and says so', async () => {
    const client = await connectClient(app.mqttUrl, TARGET);
    const cleared = nextEvent(
      app.app,
      'prediction.alert-cleared',
      (a: PredictionAlert) => a.deviceId === TARGET && a.component === 'fuser',
    );
    const latest = await device(TARGET, '?component=fuser');
    const at = (latest.components[0] as ComponentAnswer & { scoredAt: number }).scoredAt;
    const stored = nextEvent(app.app, 'events.stored', (p) => p.events.some((e) => e.deviceId === TARGET));
    await client.publishAsync(
      deviceTopic(TARGET, 'events'),
      JSON.stringify({ ts: at + 2 * H, type: 'part.replaced', component: 'fuser', visitId: 'V-1' }),
      { qos: 1 },
    );
    await stored;
    await client.endAsync();

    await score(at + 3 * H);
    const a = await cleared;

    expect(a.evidence[0]).toBe(`part replaced on ${new Date(at + 2 * H).toISOString().slice(0, 10)}`);
    expect(a.probability).toBeLessThan(a.threshold);
    expect((await device(TARGET, '?component=fuser')).components[0].alert).toBe(false);
  }, 120_000);

  it('gives a defined answer with its reason for a device with no history, a part that never failed, a gap and a clock jump', async () => {
    // the jump device's clock falls back a year and its counter reads nonsense for a day
    const client = await connectClient(app.mqttUrl, JUMP);
    const last = fleet.history.devices[2].metrics['pages.total'].last.at(-1)!;
    const samples = [
      { ts: TRAINED + 2 * H, counters: { 'pages.total': last + 5e8 }, gauges: { 'fuser.temp_c': 181 } },
      { ts: TRAINED - 365 * DAY_MS + 5 * H, counters: { 'pages.total': 0 }, gauges: { 'fuser.temp_c': 20 } },
      { ts: TRAINED + DAY_MS + 2 * H, counters: { 'pages.total': last + 5e8 + 900 } },
    ];
    const stored = nextEvent(app.app, 'telemetry.stored', (p) => p.devices.some((d) => d.deviceId === JUMP));
    await client.publishAsync(deviceTopic(JUMP, 'telemetry'), JSON.stringify(samples), { qos: 1 });
    await stored;
    await client.endAsync();
    const run = await score(TRAINED + 70 * DAY_MS);
    expect(run.devices).toBe(31);

    const answers = new Map<string, DeviceAnswer>();
    for (const id of [NEW, GAP, JUMP, 'syn-010']) answers.set(id, await device(id));
    for (const a of answers.values()) {
      for (const x of numbersIn(a)) expect(Number.isFinite(x)).toBe(true);
      for (const c of a.components) {
        expect(c.reasons.length + c.evidence.length).toBeGreaterThan(0);
        for (let h = 1; h < c.risk.length; h++)
          expect(c.risk[h].probability).toBeGreaterThanOrEqual(c.risk[h - 1].probability);
      }
    }
    const reasons = (id: string, component: string): string =>
      answers
        .get(id)!
        .components.find((c) => c.component === component)!
        .reasons.join('; ');

    // nothing known of it: the life model alone, said so
    const fresh = answers.get(NEW)!;
    expect(fresh.components.map((c) => [c.status, c.basis])).toEqual([
      ['no-history', 'life'],
      ['no-history', 'life'],
      ['no-history', 'life'],
    ]);
    expect(reasons(NEW, 'fuser')).toMatch(/no telemetry or events before this time/);
    // a part no device has seen fail: the catalog's expected life
    expect(reasons('syn-010', 'board')).toMatch(/no board failure on record anywhere/);
    expect(reasons('syn-010', 'board')).toMatch(/life from the catalog's expected life/);
    // silent for weeks: scored from what was known before the gap
    expect(reasons(GAP, 'fuser')).toMatch(/no data for \d+ days/);
    // the clock jump's counter readings are not believed
    expect(reasons(JUMP, 'fuser')).toMatch(/implausible usage-counter readings ignored/);

    const unknown = await get<{ error: string }>('/api/v1/predictions/devices/nobody-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('not_found');
    const noSuchPart = await get<{ error: string }>(`/api/v1/predictions/devices/${NEW}?component=wheel`);
    expect(noSuchPart.status).toBe(404);
  }, 120_000);

  it('ranks the fleet by risk, filtered by site, customer, model, component and alert, paged and as CSV', async () => {
    const ranking = async (query: string): Promise<RankingRow[]> => {
      const rows: RankingRow[] = [];
      let cursor: string | null = null;
      do {
        const r: { status: number; body: { data: RankingRow[]; nextCursor: string | null } } = await get(
          `/api/v1/predictions/risk?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(r.status).toBe(200);
        rows.push(...r.body.data);
        cursor = r.body.nextCursor;
      } while (cursor);
      return rows;
    };
    const all = await ranking('');
    // 31 devices × 3 components, highest first, each once
    expect(all).toHaveLength(93);
    expect(new Set(all.map((r) => `${r.deviceId}/${r.component}`)).size).toBe(93);
    for (let i = 1; i < all.length; i++)
      expect(all[i].probability).toBeLessThanOrEqual(all[i - 1].probability);
    expect(all.every((r) => r.horizonDays === 7)).toBe(true);

    const site = await ranking('&siteId=S-1');
    expect(site.length).toBe(all.filter((r) => r.siteId === 'S-1').length);
    expect(site.every((r) => r.siteId === 'S-1')).toBe(true);
    const customer = await ranking('&customerId=C-2&component=fuser');
    expect(customer.map((r) => r.deviceId).sort()).toEqual(
      all
        .filter((r) => r.customerId === 'C-2' && r.component === 'fuser')
        .map((r) => r.deviceId)
        .sort(),
    );
    expect(await ranking('&modelId=OTHER')).toEqual([]);
    const alerting = await ranking('&alerting=true');
    expect(alerting.every((r) => r.alert)).toBe(true);
    expect(alerting.length).toBe(all.filter((r) => r.alert).length);
    const month = await ranking('&horizon=30');
    expect(month.every((r) => r.horizonDays === 30)).toBe(true);

    const csv = await app.get(`/api/v1/predictions/risk?format=csv&limit=5&siteId=S-2`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'deviceId,component,modelId,siteId,customerId,horizonDays,probability,alert,remainingDays,remainingUsage,usageUnit,status,basis,evidence,scoredAt,modelVersion',
    );
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).every((l) => l.split(',')[3] === 'S-2')).toBe(true);
    expect(csv.headers.get('x-next-cursor')).toBeTruthy();

    const badHorizon = await get<{ error: string; message: string }>('/api/v1/predictions/risk?horizon=9');
    expect(badHorizon.status).toBe(400);
    expect(badHorizon.body.message).toMatch(/horizon must be one of/);
  }, 120_000);
});
