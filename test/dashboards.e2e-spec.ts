import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InfluxTelemetryStore } from '../src/infrastructure/influxdb/influx-telemetry.store.js';
import { influxV1Config, quietObserver } from './helpers/influx-config.js';
import { startInfluxd, type Influxd } from './helpers/influxdb.js';
import { tempDir } from './helpers/temp-dir.js';

interface Panel {
  title: string;
  datasource: { uid: string };
  targets: Array<{ query: string }>;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1);
const dashboards = readdirSync('dashboards')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f,
    json: JSON.parse(readFileSync(join('dashboards', f), 'utf8')) as { panels: Panel[] },
  }));
const panels = dashboards.flatMap((d) =>
  d.json.panels.map((p): [string, Panel] => [`${d.file}: ${p.title}`, p]),
);

describe('Grafana dashboards against the platform schema in a real InfluxDB', () => {
  let influxd: Influxd;
  const dir = tempDir('fleet-dash-');
  beforeAll(async () => {
    influxd = await startInfluxd();
    // data as the platform writes it: telemetry, events, and the KPI ledger
    const store = new InfluxTelemetryStore(
      influxV1Config(influxd.url, 'fleet'),
      join(dir.path, 'spool'),
      quietObserver,
    );
    await store.start();
    const points = [];
    for (let h = 0; h < 48; h++) {
      points.push({
        deviceId: 'sim-00001',
        metric: 'fuser.temp_c',
        kind: 'gauge' as const,
        ts: T0 + h * 3_600_000,
        value: 180 + (h % 5),
      });
      points.push({
        deviceId: 'sim-00001',
        metric: 'pages.total',
        kind: 'counter' as const,
        ts: T0 + h * 3_600_000,
        value: 1000 + h * 40,
      });
      points.push({
        deviceId: 'sim-00001',
        metric: 'toner.black_pct',
        kind: 'gauge' as const,
        ts: T0 + h * 3_600_000,
        value: 90 - h,
      });
    }
    await store.write(points, [
      {
        deviceId: 'sim-00001',
        ts: T0 + 5 * 3_600_000,
        type: 'fault.raised',
        code: 'F-1',
        severity: 'machine-down',
        component: 'fuser',
      },
    ]);
    const fields = {
      in_service_ms: DAY,
      down_ms: 3_600_000,
      failures: 1,
      repairs: 1,
      downtime_sum_ms: 3_600_000,
      usage: 960,
    };
    await store.writeKpis([
      { scope: 'fleet', scopeId: 'all', day: T0, fields },
      { scope: 'model', scopeId: 'MFP-C300', day: T0, fields },
    ]);
    // the risk series as the scoring job writes it: a point per component and scoring
    await store.writeRisk(
      [0, 1, 2].flatMap((d) =>
        ['fuser', 'drum'].map((component) => ({
          deviceId: 'sim-00001',
          component,
          ts: T0 + d * DAY,
          probabilities: [
            { horizonDays: 7, probability: 0.1 * (d + 1) },
            { horizonDays: 14, probability: 0.15 * (d + 1) },
            { horizonDays: 30, probability: 0.2 * (d + 1) },
          ],
          remainingDays: 40 - 10 * d,
          remainingUsage: 20_000 - 5_000 * d,
          alert: d === 2 && component === 'fuser',
        })),
      ),
    );
    await store.close();
  }, 60_000);
  afterAll(async () => {
    await influxd.remove();
    dir.remove();
  });

  it('has dashboards, all on the provisioned datasource', () => {
    expect(panels.length).toBeGreaterThanOrEqual(13);
    const provisioned = readFileSync('deploy/grafana/provisioning/datasources/influxdb.yml', 'utf8');
    const uid = /uid: (\S+)/.exec(provisioned)![1];
    for (const [, p] of panels) expect(p.datasource.uid).toBe(uid);
  });

  it.each(panels)('%s answers with data', async (_name, panel) => {
    const query = panel.targets[0].query
      .replace(/\$timeFilter/g, `time >= ${T0}ms AND time < ${T0 + 3 * DAY}ms`)
      .replace(/\$__interval/g, '1h')
      .replace(/\$device/g, 'sim-00001');
    const series = await influxd.query(query, 'fleet');
    expect(series.length).toBeGreaterThan(0);
    expect(series[0].values.length).toBeGreaterThan(0);
  });
});
