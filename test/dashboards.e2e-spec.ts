import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdit } from '../src/alarms/alarm-lifecycle.js';
import { predictionRaised } from '../src/alarms/alarm-rules.js';
import { SqlAlarmRepository } from '../src/alarms/sql-alarm.repository.js';
import { emptyServiceLevel } from '../src/work-orders/service-level.js';
import { SqlWorkOrderRepository } from '../src/work-orders/sql-work-order.repository.js';
import { aWorkOrder } from '../src/work-orders/work-order.factory.js';
import type { WorkOrder } from '../src/work-orders/work-order.js';
import { InfluxTelemetryStore } from '../src/infrastructure/influxdb/influx-telemetry.store.js';
import type { RecordsDatabase } from '../src/ports/records-database.port.js';
import { influxV1Config, quietObserver } from './helpers/influx-config.js';
import { startInfluxd, type Influxd } from './helpers/influxdb.js';
import { postgresRecords } from './helpers/records.js';
import { tempDir } from './helpers/temp-dir.js';
import { anAlert } from './helpers/work-orders.js';

interface Panel {
  title: string;
  datasource: { uid: string };
  /** InfluxQL panels have `query`, PostgreSQL ones `rawSql`. */
  targets: Array<{ query?: string; rawSql?: string }>;
}

/** The uid of each provisioned datasource, by file. */
const uidIn = (file: string): string =>
  /uid: (\S+)/.exec(readFileSync(`deploy/grafana/provisioning/datasources/${file}`, 'utf8'))![1];
const INFLUX_UID = uidIn('influxdb.yml');
const POSTGRES_UID = uidIn('postgres.yml');

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

describe('Grafana dashboards against the platform schema in a real InfluxDB and PostgreSQL', () => {
  let influxd: Influxd;
  const pg = postgresRecords();
  let records: RecordsDatabase;
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
    // records as the features write them: alarms raised, acknowledged and cleared
    await pg.start();
    records = await pg.empty();
    const alarms = new SqlAlarmRepository(records);
    for (let i = 0; i < 6; i++) {
      const at = T0 + i * 3_600_000;
      const { alarm } = await alarms.raise(
        {
          kind: 'raise',
          deviceId: `sim-0000${i % 3}`,
          type: i % 2 ? 'fault:M-501' : 'device-offline',
          severity: i % 2 ? 'critical' : 'minor',
          at,
          message: 'm',
          details: {},
        },
        { id: `al-${i}`, customerId: 'cust-0001', siteId: 'cust-0001-s1' },
        at,
      );
      if (i % 2 === 0) continue;
      const acked = applyEdit(alarm, { kind: 'acknowledge' }, 'ann', at + 600_000);
      await alarms.update(acked.alarm, alarm.version, acked.change);
    }
    await alarms.clear('device-offline', ['sim-00000'], T0 + DAY, 'back', T0 + DAY);
    // risk alarms as the rules raise them from prediction alerts
    for (const [i, [deviceId, component, probability]] of (
      [
        ['sim-00001', 'fuser', 0.86],
        ['sim-00002', 'fuser', 0.62],
        ['sim-00003', 'drum', 0.7],
      ] as const
    ).entries())
      await alarms.raise(
        predictionRaised(anAlert(deviceId, component, T0 + i * 3_600_000, { probability })),
        { id: `al-risk-${i}`, customerId: 'cust-0001', siteId: 'cust-0001-s1' },
        T0 + i * 3_600_000,
      );
    // work orders: open ones (one late on its response), resolved ones (one resolution breached)
    const orders = new SqlWorkOrderRepository(records);
    const H = 3_600_000;
    const sla = (over: Partial<WorkOrder['sla']>): WorkOrder['sla'] => ({
      ...emptyServiceLevel(),
      responseDueAt: T0 + 4 * H,
      resolutionDueAt: T0 + 8 * H,
      ...over,
    });
    const seeded: WorkOrder[] = [
      aWorkOrder({ id: 'WO-1', deviceId: 'sim-00001', status: 'new', createdAt: T0, sla: sla({}) }),
      aWorkOrder({
        id: 'WO-2',
        deviceId: 'sim-00002',
        status: 'assigned',
        kind: 'proactive',
        priority: 'medium',
        createdAt: T0 + H,
        sla: sla({ respondedAt: T0 + 2 * H, resolutionDueAt: T0 + 10 * DAY }),
      }),
      aWorkOrder({
        id: 'WO-3',
        deviceId: 'sim-00003',
        status: 'closed',
        createdAt: T0,
        closedAt: T0 + 6 * H,
        sla: sla({ respondedAt: T0 + H, resolvedAt: T0 + 6 * H }),
      }),
      aWorkOrder({
        id: 'WO-4',
        deviceId: 'sim-00004',
        status: 'completed',
        kind: 'preventive',
        createdAt: T0 + DAY,
        sla: sla({
          respondedAt: T0 + DAY + H,
          resolvedAt: T0 + DAY + 12 * H,
          resolutionBreachedAt: T0 + DAY + 8 * H,
        }),
      }),
    ];
    for (const o of seeded) await orders.insert(o, []);
  }, 120_000);
  afterAll(async () => {
    await influxd.remove();
    await pg.stop();
    dir.remove();
  });

  it('has dashboards, each panel on a provisioned datasource', () => {
    expect(panels.length).toBeGreaterThanOrEqual(13);
    for (const [name, p] of panels)
      expect([name, [INFLUX_UID, POSTGRES_UID]]).toEqual([name, expect.arrayContaining([p.datasource.uid])]);
  });

  it.each(panels.filter(([, p]) => p.datasource.uid === POSTGRES_UID))(
    '%s answers with data',
    async (_name, panel) => {
      const sql = panel.targets[0]
        .rawSql!.replace(/\$__unixEpochFrom\(\)/g, String(T0 / 1000))
        .replace(/\$__unixEpochTo\(\)/g, String((T0 + 3 * DAY) / 1000));
      const { rows } = await records.query(sql);
      expect(rows.length).toBeGreaterThan(0);
      expect(Object.values(rows[0]).every((v) => v !== null)).toBe(true);
    },
  );

  it.each(panels.filter(([, p]) => p.datasource.uid === INFLUX_UID))(
    '%s answers with data',
    async (_name, panel) => {
      const query = panel.targets[0]
        .query!.replace(/\$timeFilter/g, `time >= ${T0}ms AND time < ${T0 + 3 * DAY}ms`)
        .replace(/\$__interval/g, '1h')
        .replace(/\$device/g, 'sim-00001');
      const series = await influxd.query(query, 'fleet');
      expect(series.length).toBeGreaterThan(0);
      expect(series[0].values.length).toBeGreaterThan(0);
    },
  );
});
