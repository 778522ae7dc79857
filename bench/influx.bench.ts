import { join } from 'node:path';
import type { InfluxConfig } from '../src/config/app-config.js';
import { telemetryLine } from '../src/infrastructure/influxdb/influx-schema.js';
import { InfluxTelemetryStore } from '../src/infrastructure/influxdb/influx-telemetry.store.js';
import type { TelemetryPoint } from '../src/ports/records.js';
import { influxV1Config, quietObserver } from '../test/helpers/influx-config.js';
import { startInfluxd } from '../test/helpers/influxdb.js';
import { tempDir } from '../test/helpers/temp-dir.js';

export interface InfluxFigures {
  points: number;
  plainRate: number;
  storeRate: number;
  spooledRate: number;
  drainRate: number;
}

const BATCH = 5000;

function points(n: number, offset: number): TelemetryPoint[] {
  const metrics = ['fuser.temp_c', 'pages.total', 'toner.black_pct', 'motor.current_a'];
  return Array.from({ length: n }, (_, i) => ({
    deviceId: `dev-${String(i % 1000).padStart(5, '0')}`,
    metric: metrics[(i >> 10) % 4],
    kind: 'gauge' as const,
    ts: 1_790_000_000_000 + offset + Math.floor(i / 4096) * 1000 + (i % 7),
    value: (i % 1000) / 10,
  }));
}

/**
 * The InfluxDB store against a plain line-protocol writer (fetch to /write, same
 * lines, same batches) on Debian's influxd 1.6, then the spool: filled while the
 * server is down, and drained when it is back.
 */
export async function influxStoreBench(n: number): Promise<InfluxFigures> {
  const influxd = await startInfluxd();
  const dir = tempDir('fleet-bench-influx-');
  try {
    const config = (db: string): InfluxConfig => ({
      ...influxV1Config(influxd.url, db),
      timeoutMs: 30_000,
      spoolMaxBytes: 4 * 1024 * 1024 * 1024,
    });
    await influxd.query('CREATE DATABASE plain');
    const data = points(n, 0);

    // plain: the lines POSTed as they are, one batch at a time
    const lines = data.map(telemetryLine);
    let t = performance.now();
    for (let i = 0; i < lines.length; i += BATCH) {
      const res = await fetch(`${influxd.url}/write?db=plain&precision=ms`, {
        method: 'POST',
        body: lines.slice(i, i + BATCH).join('\n'),
      });
      if (res.status !== 204) throw new Error(`plain write: ${res.status}`);
    }
    const plainRate = n / ((performance.now() - t) / 1000);

    const store = new InfluxTelemetryStore(config('store'), join(dir.path, 'spool'), quietObserver);
    await store.start();
    t = performance.now();
    for (let i = 0; i < data.length; i += BATCH) await store.write(data.slice(i, i + BATCH), []);
    const storeRate = n / ((performance.now() - t) / 1000);

    // the spool: written while InfluxDB is down, replayed when it is back
    await influxd.stop();
    const later = points(n, 10_000_000);
    t = performance.now();
    for (let i = 0; i < later.length; i += BATCH) await store.write(later.slice(i, i + BATCH), []);
    const spooledRate = n / ((performance.now() - t) / 1000);
    await influxd.start();
    t = performance.now();
    while (store.spoolStats().lines > 0) await new Promise((r) => setTimeout(r, 20));
    const drainRate = n / ((performance.now() - t) / 1000);
    await store.close();
    return { points: n, plainRate, storeRate, spooledRate, drainRate };
  } finally {
    await influxd.remove();
    dir.remove();
  }
}
