import { join } from 'node:path';
import { loadConfig } from '../src/config/app-config.js';
import { startApp } from '../src/bootstrap.js';
import { newApiKeyToken } from '../src/api-keys/api-key.js';
import { SqliteTelemetryStore } from '../src/infrastructure/sqlite/sqlite-telemetry.store.js';
import type { EventRecord, TelemetryPoint } from '../src/ports/records.js';
import { tempDir } from '../test/helpers/temp-dir.js';

const H = 3_600_000;
const DAY = 24 * H;
const YEAR = 365 * DAY;
const MODELS = ['MFP-A', 'MFP-B', 'HVAC-C', 'PRESS-D'];
const COMPONENTS = ['fuser', 'pickup_roller', 'drum', 'main_board'];

export interface KpiLedgerFigures {
  devices: number;
  events: number;
  readings: number;
  seedSeconds: number;
  fullSeconds: number;
  fullServerMs: number;
  /** CPU time of the process (all threads) during the full rebuild: less sensitive to a busy machine than wall time. */
  fullCpuSeconds: number;
  fullPhasesMs: Record<string, number>;
  deviceRows: number;
  rollupRows: number;
  incrementalMs: number;
  lateEventMs: number;
  lateEventChangedDevices: number;
  peakRssMb: number;
}

/**
 * A simulated year of field-service history per device, seeded with a fixed random
 * sequence: about 9 machine-down failures (visit, part, restore), 12 minor errors,
 * 4 preventive-maintenance visits and 12 monthly meter reads. Written straight into
 * the store (the import is benched by `--case history`), then the KPI ledger is built
 * from nothing over HTTP, brought up to date right after, and after one late failure.
 */
export async function kpiLedgerBench(
  o: { devices: number; installedYearsAgo: number },
  log: (line: string) => void,
): Promise<KpiLedgerFigures> {
  const dir = tempDir('fleet-bench-kpi-');
  const now = Date.now();
  const start = now - (now % DAY) - YEAR;
  const t0 = performance.now();
  const seeded = await seed(join(dir.path, 'timeseries.sqlite'), o.devices, start, now);
  const seedSeconds = (performance.now() - t0) / 1000;
  log(
    `  history: ${fmt(seeded.events)} events and ${fmt(seeded.readings)} meter reads over a year, written in ${seedSeconds.toFixed(1)} s`,
  );
  const adminKey = newApiKeyToken().token;
  const app = await startApp(
    loadConfig({
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      MQTT_HOST: '127.0.0.1',
      MQTT_PORT: '0',
      MQTT_WS_PORT: '-1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dir.path,
      KPI_REFRESH_INTERVAL_MS: '0',
      API_ADMIN_KEY: adminKey,
    }),
  );
  try {
    const post = async (path: string, body: string, type: string): Promise<unknown> => {
      const res = await fetch(app.httpUrl + path, {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${adminKey}` },
        body,
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    await post(
      '/api/v1/registry/models/import',
      JSON.stringify(
        MODELS.map((m) => ({
          modelId: m,
          name: m,
          kind: 'copier',
          usageUnit: 'pages',
          components: COMPONENTS.map((name) => ({ name })),
        })),
      ),
      'application/json',
    );
    const install = new Date(start - o.installedYearsAgo * YEAR).toISOString().slice(0, 10);
    const devicesCsv = ['deviceId,modelId,installDate'];
    for (let i = 0; i < o.devices; i++)
      devicesCsv.push(`${deviceId(i)},${MODELS[i % MODELS.length]},${install}`);
    await post('/api/v1/registry/devices/import', devicesCsv.join('\n'), 'text/csv');

    const refresh = async (query: string): Promise<{ ms: number; body: RunSummary }> => {
      const t = performance.now();
      const body = (await post(`/api/v1/kpis/refresh?wait=60000${query}`, '', 'text/plain')) as RunSummary;
      return { ms: performance.now() - t, body };
    };
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const cpu = process.cpuUsage();
    const full = await refresh('&rebuild=true');
    const cpuUsed = process.cpuUsage(cpu);
    clearInterval(sampler);
    const incremental = await refresh('');
    // one late failure, 200 days back, on one device
    const late = start + 165 * DAY + 10 * H;
    const mapping = encodeURIComponent(
      JSON.stringify({
        columns: { device: 'device', time: 'at', component: 'part', duration: 'hours' },
        defaults: { type: 'fault.raised', severity: 'machine-down' },
      }),
    );
    await post(
      `/api/v1/history/import?mapping=${mapping}`,
      `device,at,part,hours\n${deviceId(7)},${new Date(late).toISOString()},fuser,3\n`,
      'text/csv',
    );
    const lateRun = await refresh('');
    return {
      devices: o.devices,
      events: seeded.events,
      readings: seeded.readings,
      seedSeconds,
      fullSeconds: full.ms / 1000,
      fullServerMs: full.body.durationMs,
      fullCpuSeconds: (cpuUsed.user + cpuUsed.system) / 1e6,
      fullPhasesMs: full.body.phasesMs,
      deviceRows: full.body.deviceRows,
      rollupRows: full.body.rollupRows,
      incrementalMs: incremental.ms,
      lateEventMs: lateRun.ms,
      lateEventChangedDevices: lateRun.body.changedDevices,
      peakRssMb: peak / 1e6,
    };
  } finally {
    await app.close();
    dir.remove();
  }
}

type RunSummary = Record<string, number> & { phasesMs: Record<string, number> };

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const deviceId = (i: number): string => `dev-${String(i).padStart(5, '0')}`;

/** Writes the simulated history into a fresh SQLite store; returns what it wrote. */
async function seed(
  file: string,
  devices: number,
  start: number,
  end: number,
): Promise<{ events: number; readings: number }> {
  const store = new SqliteTelemetryStore(file);
  let seedValue = 7;
  const random = (): number =>
    (seedValue = (seedValue * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  let events: EventRecord[] = [];
  let points: TelemetryPoint[] = [];
  let written = 0;
  let readings = 0;
  const flush = async (force: boolean): Promise<void> => {
    if (!force && events.length + points.length < 50_000) return;
    written += events.length;
    readings += points.length;
    await store.write(points, events);
    events = [];
    points = [];
  };
  for (let d = 0; d < devices; d++) {
    const id = deviceId(d);
    let pages = Math.floor(random() * 1e6);
    for (let t = start + random() * 30 * DAY; t < end; t += 30 * DAY) {
      pages += Math.floor(random() * 20_000);
      points.push({ deviceId: id, metric: 'pages.total', kind: 'counter', ts: Math.floor(t), value: pages });
    }
    for (let t = start + random() * 80 * DAY; t < end - DAY; t += (20 + random() * 40) * DAY) {
      const f = Math.floor(t / H) * H;
      const part = COMPONENTS[Math.floor(random() * COMPONENTS.length)];
      const code = `E-${part}`;
      const visit = `${id}-${f}`;
      const arrive = f + Math.floor(1 + random() * 4) * H;
      const fixed = arrive + Math.floor(1 + random() * 3) * H;
      events.push(
        { deviceId: id, ts: f, type: 'fault.raised', code, component: part, severity: 'machine-down' },
        { deviceId: id, ts: arrive, type: 'service.started', visitId: visit },
        { deviceId: id, ts: fixed, type: 'part.replaced', component: part, visitId: visit },
        { deviceId: id, ts: fixed, type: 'fault.cleared', code, component: part },
        { deviceId: id, ts: fixed, type: 'service.finished', visitId: visit },
      );
    }
    for (let t = start + random() * 30 * DAY; t < end - DAY; t += 30 * DAY) {
      const e = Math.floor(t / H) * H;
      events.push(
        {
          deviceId: id,
          ts: e,
          type: 'fault.raised',
          code: 'J-101',
          severity: 'minor',
          component: 'pickup_roller',
        },
        { deviceId: id, ts: e + H, type: 'fault.cleared', code: 'J-101', component: 'pickup_roller' },
      );
    }
    for (let t = start + random() * 90 * DAY; t < end; t += 91 * DAY)
      events.push({ deviceId: id, ts: Math.floor(t), type: 'pm.done', visitId: `${id}-pm-${Math.floor(t)}` });
    await flush(false);
  }
  await flush(true);
  await store.close();
  return { events: written, readings };
}
