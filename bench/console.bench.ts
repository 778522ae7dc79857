import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { FleetOverviewService } from '../src/console/fleet-overview.service.js';
import { DomainEventBus } from '../src/events/domain-event-bus.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../src/ports/telemetry-store.port.js';
import type { TelemetryPoint } from '../src/ports/records.js';
import { RegistryService } from '../src/registry/registry.service.js';
import { launchChromium, signIn } from '../test/helpers/browser.js';
import { startBenchApp } from './bench-support.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Timing {
  medianMs: number;
  maxMs: number;
  /**
   * Median CPU time this process (the app, and the client's fetch) spent per request:
   * less swayed than wall time by other work on a shared machine.
   */
  cpuMs: number;
  bytes: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeGet(url: string, key: string, runs: number, before?: () => void): Promise<Timing> {
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 2; i++) {
    before?.();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const res = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
    const body = await res.arrayBuffer();
    const c = process.cpuUsage(c0);
    if (!res.ok) throw new Error(`${url}: ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
    // the first two warm caches and compile paths
    if (i >= 2) {
      times.push(performance.now() - t0);
      cpu.push((c.user + c.system) / 1000);
    }
    bytes = body.byteLength;
  }
  return { medianMs: median(times), maxMs: Math.max(...times), cpuMs: median(cpu), bytes };
}

/**
 * The console's server side at fleet scale: the fleet overview of `devices` registered
 * devices (sites with coordinates, presence, a year of fleet KPIs); and a device page
 * with a year of hourly telemetry, through the API and in Chromium.
 */
export async function consoleBench(
  o: { devices: number; runs: number },
  log: (line: string) => void,
): Promise<{
  cold: Timing;
  overview: Timing;
  devicePage: Record<string, Timing>;
  browserYearMs: number | null;
}> {
  // wall times on a shared machine mean little without the load they were taken under
  log(`  load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
  const app = await startBenchApp({ KPI_REFRESH_INTERVAL_MS: '0', PRESENCE_SWEEP_INTERVAL_MS: '0' });
  try {
    const registry = app.app.get(RegistryService);
    const now = Date.now();
    const customers = Math.max(1, Math.round(o.devices / 100));
    const sites = Math.max(1, Math.round(o.devices / 10));
    const t0 = performance.now();
    await registry.importJson('models', [
      {
        modelId: 'MFP-C300',
        name: 'Office MFP',
        kind: 'copier',
        usageUnit: 'pages',
        ratedMonthlyDuty: 20000,
        components: [{ name: 'fuser', expectedLife: 300000 }],
      },
    ]);
    await registry.importJson(
      'customers',
      Array.from({ length: customers }, (_, c) => ({ customerId: `c${c}`, name: `Customer ${c}` })),
    );
    await registry.importJson(
      'sites',
      Array.from({ length: sites }, (_, s) => ({
        siteId: `s${s}`,
        customerId: `c${s % customers}`,
        name: `Site ${s}`,
        lat: 36 + ((s * 7919) % 2000) / 100,
        lon: -9 + ((s * 104729) % 3500) / 100,
      })),
    );
    for (let i = 0; i < o.devices; i += 1000)
      await registry.importJson(
        'devices',
        Array.from({ length: Math.min(1000, o.devices - i) }, (_, k) => ({
          deviceId: `dev-${String(i + k).padStart(6, '0')}`,
          serial: `SN${i + k}`,
          modelId: 'MFP-C300',
          siteId: `s${(i + k) % sites}`,
          installDate: '2024-01-01',
          contractType: 'full-service',
        })),
      );
    // every device heard, one in twenty gone offline
    const bus = app.app.get(DomainEventBus);
    const ids = Array.from({ length: o.devices }, (_, i) => `dev-${String(i).padStart(6, '0')}`);
    bus.publish('devices.heard', { lastHeard: new Map(ids.map((id) => [id, now - 60_000])) });
    for (const id of ids.filter((_, i) => i % 20 === 0))
      bus.publish('device.status-changed', { deviceId: id, state: 'offline', ts: now - 30_000 });
    await bus.whenIdle();
    // a year of fleet KPI rows, as the ledger writes them
    const store = app.app.get<TelemetryStore>(TELEMETRY_STORE);
    const today = Math.floor(now / DAY) * DAY;
    await store.writeKpis(
      Array.from({ length: 366 }, (_, d) => ({
        scope: 'fleet' as const,
        scopeId: 'all',
        day: today - d * DAY,
        fields: {
          in_service_ms: o.devices * DAY,
          down_ms: (d % 7) * HOUR * 10,
          failures: d % 5,
          repairs: d % 5,
          downtime_sum_ms: (d % 5) * 6 * HOUR,
          usage: 1e6,
        },
      })),
    );
    log(
      `  seeded ${o.devices.toLocaleString('en-US')} devices at ${sites} sites in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // cold: as after every KPI refresh, the fleet KPIs asked again; warm: kept since
    const fleet = app.app.get(FleetOverviewService);
    const cold = await timeGet(`${app.httpUrl}/api/v1/fleet/overview`, app.adminKey, o.runs, () =>
      fleet.kpisChanged(),
    );
    const overview = await timeGet(`${app.httpUrl}/api/v1/fleet/overview`, app.adminKey, o.runs);
    for (const [what, t] of [
      ['after a KPI refresh', cold],
      ['KPIs kept', overview],
    ] as const)
      log(
        `  GET /api/v1/fleet/overview, ${what}: median ${t.medianMs.toFixed(0)} ms, max ${t.maxMs.toFixed(0)} ms, ` +
          `CPU ${t.cpuMs.toFixed(0)} ms, ${(t.bytes / 1024).toFixed(0)} kB (target ≤ 1000 ms)`,
      );

    // a device page: a year of hourly samples of four metrics
    const deviceId = ids[0];
    const points: TelemetryPoint[] = [];
    for (let h = 0; h < 365 * 24; h++) {
      const ts = now - 365 * DAY + h * HOUR;
      points.push(
        { deviceId, metric: 'fuser.temp_c', kind: 'gauge', ts, value: 180 + Math.sin(h / 24) * 3 },
        { deviceId, metric: 'motor.current_a', kind: 'gauge', ts, value: 1.3 + (h % 50) / 100 },
        { deviceId, metric: 'toner.black_pct', kind: 'gauge', ts, value: 100 - (h % 500) / 5 },
        { deviceId, metric: 'pages.total', kind: 'counter', ts, value: h * 40 },
      );
    }
    for (let i = 0; i < points.length; i += 10_000) await store.write(points.slice(i, i + 10_000), []);
    const to = now + 1;
    const base = `${app.httpUrl}/api/v1/devices/${deviceId}/telemetry/fuser.temp_c`;
    const devicePage: Record<string, Timing> = {
      'a year, 1d windows': await timeGet(
        `${base}?from=${to - 365 * DAY}&to=${to}&window=1d&fn=mean`,
        app.adminKey,
        o.runs,
      ),
      'a year, 6h windows': await timeGet(
        `${base}?from=${to - 365 * DAY}&to=${to}&window=6h&fn=max`,
        app.adminKey,
        o.runs,
      ),
      '30 days, 1h windows': await timeGet(
        `${base}?from=${to - 30 * DAY}&to=${to}&window=1h&fn=mean`,
        app.adminKey,
        o.runs,
      ),
      'a day, raw': await timeGet(`${base}?from=${to - DAY}&to=${to}`, app.adminKey, o.runs),
      'events, a year': await timeGet(
        `${app.httpUrl}/api/v1/devices/${deviceId}/events?from=${to - 365 * DAY}&to=${to}&limit=1000`,
        app.adminKey,
        o.runs,
      ),
    };
    for (const [what, t] of Object.entries(devicePage))
      log(
        `  device page, ${what}: median ${t.medianMs.toFixed(1)} ms, max ${t.maxMs.toFixed(1)} ms, ` +
          `CPU ${t.cpuMs.toFixed(1)} ms, ${(t.bytes / 1024).toFixed(0)} kB`,
      );

    let browserYearMs: number | null = null;
    if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
      if (!existsSync('dist/console/index.html'))
        execFileSync(process.execPath, ['scripts/build-console.mjs']);
      const chromium = await launchChromium();
      try {
        const page = await chromium.browser.newPage();
        await signIn(page, app.httpUrl, app.adminKey);
        await page.goto(`${app.httpUrl}/#/devices/${deviceId}`);
        await page.locator('figure.chart').first().waitFor();
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          await page.getByRole('button', { name: '1 hour' }).click();
          await page.locator('figure.chart[aria-label*="fuser.temp_c:"]').first().waitFor();
          const t0 = performance.now();
          await page.getByRole('button', { name: '1 year' }).click();
          await page.locator('figure.chart[aria-label*="1d mean"]').nth(1).waitFor();
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        browserYearMs = times[2];
        log(
          `  Chromium, device page zoomed out to a year (2 charts, 4 requests, drawn): median ${browserYearMs.toFixed(0)} ms`,
        );
      } finally {
        await chromium.close();
      }
    }
    return { cold, overview, devicePage, browserYearMs };
  } finally {
    await app.close();
    app.remove();
  }
}
