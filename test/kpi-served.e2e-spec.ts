import { join } from 'node:path';
import type { TruthRecord } from '../device-simulator/ground-truth.js';
import { SimulatorRunner } from '../device-simulator/simulator-runner.js';
import { deviceTopic } from '../src/contract/index.js';
import type { ReliabilityKpis } from '../src/reliability/reliability-kpis.js';
import { independentKpis } from './helpers/independent-kpis.js';
import { readTruth, registerFleetFromTruth } from './helpers/registry-from-truth.js';
import { tempDir } from './helpers/temp-dir.js';
import { DomainEventBus } from '../src/events/domain-event-bus.js';
import { nextEvent } from './helpers/domain-events.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);
const END = Date.UTC(2026, 0, 1);

interface KpiAnswer {
  computedThrough: number | null;
  kpis: ReliabilityKpis;
  periods?: ReliabilityKpis[];
}
interface RunSummary {
  devices: number;
  backfilledDevices: number;
  fromDay: number | null;
  full: boolean;
}

function expectSame(served: ReliabilityKpis, truth: Record<string, number>): void {
  expect(served.failures).toBe(truth.failures);
  expect(served.repairsEnded).toBe(truth.repairsEnded);
  expect(served.devices).toBe(truth.devices);
  for (const key of ['upTimeMs', 'downTimeMs', 'mtbfMs', 'mttrMs', 'meanRepairMs', 'availability'] as const) {
    const a = served[key];
    const b = truth[key];
    expect(a).not.toBeNull();
    expect(Math.abs(a! - b) / Math.abs(b)).toBeLessThan(1e-9);
  }
}

describe('KPIs served over HTTP against an independent computation, a simulated fleet-year', () => {
  const dir = tempDir('fleet-kpi-served-');
  const truthFile = join(dir.path, 'truth.jsonl');
  let app: TestApp;
  let truth: TruthRecord[];

  beforeAll(async () => {
    app = await startTestApp({ KPI_REFRESH_INTERVAL_MS: '0' });
    // a year of history, published over MQTT as devices would
    const runner = new SimulatorRunner({
      url: app.mqttUrl,
      devices: 40,
      customers: 6,
      seed: 5,
      start: START,
      durationMs: END - START,
      speed: 'max',
      stepMs: 3_600_000,
      qos: 1,
      gateways: 4,
      passwords: await app.simulatorGateways(40, 4),
      truthFile,
      overuseShare: 0.2,
      misuseShare: 0.1,
      failureRateMultiplier: 6,
      bufferLimit: 100_000,
      progress: false,
    });
    await runner.run();
    truth = readTruth(truthFile);
    await registerFleetFromTruth(app, truth);
    // every repair the truth knows has reached the store
    const repairs = truth.filter((r) => r.type === 'repair' && r.machineDown).length;
    await eventually(
      async () => {
        const res = await app.get<{ data: unknown[] }>(
          `/api/v1/events?type=fault.cleared&from=${START}&limit=10000`,
        );
        return res.body.data.length >= repairs ? true : undefined;
      },
      60_000,
      'all repairs stored',
    );
    const run = await app.request<RunSummary>('POST', '/api/v1/kpis/refresh');
    expect(run.body.full).toBe(true);
    // a simulated fleet-year over MQTT: generous for a CI machine shared with other work
  }, 600_000);
  afterAll(async () => {
    await app.stop();
    dir.remove();
  });

  it('serves the fleet KPIs of the year to 1e-9 of the ground truth', async () => {
    const served = await app.get<KpiAnswer>(`/api/v1/kpis?scope=fleet&from=2025-01-01&to=2026-01-01`);
    expect(served.status).toBe(200);
    const expected = independentKpis(truthFile, START, END);
    expect(expected.failures).toBeGreaterThan(20);
    expectSame(served.body.kpis, expected);
  });

  it('serves a model, a site, a customer and a device to 1e-9 of the ground truth, over windows inside the year', async () => {
    const device = truth.find((r): r is Extract<TruthRecord, { type: 'device' }> => r.type === 'device')!;
    const cases: Array<[string, string, string[], number, number]> = [
      ['model', device.modelId, ['--model', device.modelId], START, END],
      ['site', device.siteId, ['--site', device.siteId], START + 31 * DAY, END - 61 * DAY],
      ['customer', device.customerId, ['--customer', device.customerId], START, END],
      ['device', device.deviceId, ['--device', device.deviceId], START + 90 * DAY, END],
    ];
    for (const [scope, id, filter, from, to] of cases) {
      const served = await app.get<KpiAnswer>(`/api/v1/kpis?scope=${scope}&id=${id}&from=${from}&to=${to}`);
      expect(served.status).toBe(200);
      const expected = independentKpis(truthFile, from, to, filter);
      if (expected.failures === 0) {
        expect(served.body.kpis.failures).toBe(0);
        expect(served.body.kpis.mtbfMs).toBeNull();
        expect(served.body.kpis.mtbfLowerBoundMs).toBeGreaterThan(0);
        expect(Math.abs(served.body.kpis.upTimeMs - expected.upTimeMs)).toBeLessThan(
          1e-9 * expected.upTimeMs,
        );
      } else {
        expectSame(served.body.kpis, expected);
      }
    }
  });

  it('gives the monthly trend, whose months add up to the year', async () => {
    const res = await app.get<KpiAnswer>(`/api/v1/kpis?from=2025-01-01&to=2026-01-01&interval=month`);
    const months = res.body.periods!;
    expect(months).toHaveLength(12);
    expect(months[1].window).toEqual({ from: Date.UTC(2025, 1, 1), to: Date.UTC(2025, 2, 1) });
    expect(months.reduce((s, m) => s + m.failures, 0)).toBe(res.body.kpis.failures);
    expect(months.reduce((s, m) => s + m.upTimeMs, 0)).toBe(res.body.kpis.upTimeMs);
  });

  it('splits failures by component consistently between the fleet and the component scopes', async () => {
    const fleet = await app.get<KpiAnswer>(`/api/v1/kpis?from=2025-01-01&to=2026-01-01`);
    const [component, count] = Object.entries(fleet.body.kpis.failuresByComponent).sort(
      (a, b) => b[1] - a[1],
    )[0];
    const res = await app.get<KpiAnswer>(
      `/api/v1/kpis?scope=component&id=${component}&from=2025-01-01&to=2026-01-01`,
    );
    expect(res.status).toBe(200);
    expect(res.body.kpis.failures).toBe(count);
    expect(res.body.kpis.mtbfMs).toBe(res.body.kpis.upTimeMs / count);
  });

  it('takes late data in incrementally: one device, from the day of the data, is recomputed', async () => {
    const before = await app.get<KpiAnswer>(`/api/v1/kpis?from=2025-01-01&to=2026-01-01`);
    const device = 'sim-00003';
    const failureTs = Date.UTC(2025, 6, 14, 10);
    const client = await connectClient(app.mqttUrl, device);
    await client.publishAsync(
      deviceTopic(device, 'events'),
      JSON.stringify([
        {
          ts: failureTs,
          type: 'fault.raised',
          code: 'X-999',
          severity: 'machine-down',
          component: 'late_part',
        },
        { ts: failureTs + 3_600_000, type: 'fault.cleared', code: 'X-999' },
      ]),
      { qos: 1 },
    );
    await client.endAsync();
    // the ingest hands late data to the ledger within a second or so
    const run = await eventually(
      async () => {
        const r = await app.request<RunSummary>('POST', '/api/v1/kpis/refresh');
        return r.body.fromDay === Date.UTC(2025, 6, 14) ? r.body : undefined;
      },
      10_000,
      'late data picked up',
    );
    expect(run).toMatchObject({ devices: 40, backfilledDevices: 1, full: false });
    const after = await app.get<KpiAnswer>(`/api/v1/kpis?from=2025-01-01&to=2026-01-01`);
    expect(after.body.kpis.failures).toBe(before.body.kpis.failures + 1);
    expect(after.body.kpis.failuresByComponent.late_part).toBe(1);
    // the rollups moved by the difference equal a recomputation from scratch
    const months = await app.get<KpiAnswer>(`/api/v1/kpis?from=2025-01-01&to=2026-01-01&interval=month`);
    const site = await app.get<KpiAnswer>(
      `/api/v1/kpis?scope=model&id=MFP-C300&from=2025-01-01&to=2026-01-01`,
    );
    const rebuilt = await app.request<RunSummary>('POST', '/api/v1/kpis/refresh?rebuild=true');
    expect(rebuilt.body.full).toBe(true);
    const monthsAgain = await app.get<KpiAnswer>(`/api/v1/kpis?from=2025-01-01&to=2026-01-01&interval=month`);
    const siteAgain = await app.get<KpiAnswer>(
      `/api/v1/kpis?scope=model&id=MFP-C300&from=2025-01-01&to=2026-01-01`,
    );
    expect(monthsAgain.body.periods).toEqual(months.body.periods);
    expect(siteAgain.body.kpis).toEqual(site.body.kpis);
  });

  it('answers 4xx with a reason for a bad scope, window or id', async () => {
    const bad = await app.get<{ message: string }>('/api/v1/kpis?from=2025-01-01T12:30:00Z&to=2025-02-01');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('on the hour');
    const zone = await app.get<{ message: string }>('/api/v1/kpis?tz=Mars/Olympus');
    expect(zone.status).toBe(400);
    expect(zone.body.message).toContain('IANA time zone');
    expect((await app.get('/api/v1/kpis?scope=model')).status).toBe(400);
    expect((await app.get('/api/v1/kpis?scope=planet&id=x')).status).toBe(400);
    expect((await app.get('/api/v1/kpis?scope=site&id=nowhere')).status).toBe(404);
    expect((await app.get('/api/v1/kpis?from=2020-01-01&to=2026-01-01&interval=day')).status).toBe(422);
  });
});

describe('KPI refresh on a schedule', () => {
  it('brings the ledger up to date by itself, and counts it in /metrics', async () => {
    const app = await startTestApp({ KPI_REFRESH_INTERVAL_MS: '200' });
    try {
      await app.request('POST', '/api/v1/registry/models', {
        modelId: 'M',
        name: 'M',
        kind: 'printer',
        usageUnit: 'pages',
        ratedMonthlyDuty: 1000,
      });
      const today = Date.now() - (Date.now() % DAY);
      await app.request('POST', '/api/v1/registry/devices', {
        deviceId: 'p-1',
        serial: 'S',
        modelId: 'M',
        installDate: new Date(today - 2 * DAY).toISOString().slice(0, 10),
        contractType: 'full-service',
      });
      const client = await connectClient(app.mqttUrl, 'p-1');
      const failureTs = today - DAY + 3_600_000;
      // the broker acknowledges the publisher on receipt: wait for ingest to have stored the fault
      const stored = nextEvent(app.app, 'events.stored', (e) =>
        e.events.some((x) => x.deviceId === 'p-1' && x.type === 'fault.raised'),
      );
      await client.publishAsync(
        deviceTopic('p-1', 'events'),
        JSON.stringify({
          ts: failureTs,
          type: 'fault.raised',
          code: 'E-1',
          severity: 'machine-down',
          component: 'fuser',
        }),
        { qos: 1 },
      );
      await client.endAsync();
      await stored;
      // the late fault has marked its device (KpiLateDataListener)
      await app.app.get(DomainEventBus).whenIdle();
      const durableAt = Date.now();
      // the first scheduled run that started after the fault was stored has counted it
      await nextEvent(
        app.app,
        'job.finished',
        (e) => e.job === 'kpi-refresh' && e.outcome === 'ok' && e.startedAt > durableAt,
      );
      const answer = (await app.get<KpiAnswer>(`/api/v1/kpis?scope=device&id=p-1`)).body;
      expect(answer.kpis.failures).toBe(1);
      // open since the failure, up to the run that computed the rows (at most a run before the watermark read)
      expect(answer.kpis.downTimeMs).toBeLessThanOrEqual(answer.computedThrough! - failureTs);
      expect(answer.kpis.downTimeMs).toBeGreaterThan(answer.computedThrough! - failureTs - 5000);
      const metrics = (await app.get<string>('/metrics')).text;
      expect(metrics).toMatch(/fleet_kpi_refresh_duration_seconds_count [1-9]/);
    } finally {
      await app.stop();
    }
  });
});
