import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Statement } from 'better-sqlite3';
import type { EventRecord, MetricKind, TelemetryPoint } from '../../ports/records.js';
import type {
  AggregateFunction,
  AggregateTelemetryQuery,
  DeviceWindowStats,
  DeviceWindowValue,
  EventQuery,
  KpiRow,
  KpiRowQuery,
  RawTelemetryQuery,
  RiskPoint,
  RiskQuery,
  StoreHealth,
  StoredEvent,
  TelemetryStore,
  WindowLastQuery,
  WindowStatsQuery,
  WindowValue,
} from '../../ports/telemetry-store.port.js';
import { openSqlite, type SqliteDatabase } from './sqlite-database.js';

const MIGRATIONS = [
  // points keyed by a small integer series id: a fraction of the B-tree work of text keys
  `CREATE TABLE series (
     id INTEGER PRIMARY KEY,
     device_id TEXT NOT NULL,
     metric TEXT NOT NULL,
     kind INTEGER NOT NULL,
     UNIQUE (device_id, metric)
   );
   CREATE TABLE telemetry (
     series_id INTEGER NOT NULL,
     ts INTEGER NOT NULL,
     value REAL NOT NULL,
     PRIMARY KEY (series_id, ts)
   ) WITHOUT ROWID;
   CREATE TABLE events (
     device_id TEXT NOT NULL,
     ts INTEGER NOT NULL,
     type TEXT NOT NULL,
     code TEXT NOT NULL DEFAULT '',
     component TEXT NOT NULL DEFAULT '',
     severity TEXT,
     visit_id TEXT,
     note TEXT,
     PRIMARY KEY (device_id, ts, type, code, component)
   ) WITHOUT ROWID;
   CREATE INDEX events_by_time ON events (ts, device_id, type, code, component);`,
  `CREATE TABLE kpi_daily (
     scope TEXT NOT NULL,
     scope_id TEXT NOT NULL,
     day INTEGER NOT NULL,
     fields TEXT NOT NULL,
     PRIMARY KEY (scope, scope_id, day)
   ) WITHOUT ROWID;
   CREATE INDEX kpi_daily_by_day ON kpi_daily (scope, day);`,
  // predicted risk: probabilities per horizon as JSON [[days, p], …] (horizons are configurable)
  `CREATE TABLE risk (
     device_id TEXT NOT NULL,
     component TEXT NOT NULL,
     ts INTEGER NOT NULL,
     probabilities TEXT NOT NULL,
     remaining_days REAL,
     remaining_usage REAL,
     alert INTEGER NOT NULL,
     PRIMARY KEY (device_id, component, ts)
   ) WITHOUT ROWID;`,
];

/** Rows per multi-row INSERT: fewer statement runs per batch. */
const CHUNK = 256;

const KIND_CODE: Record<MetricKind, number> = { gauge: 0, counter: 1 };
const KIND_NAME: MetricKind[] = ['gauge', 'counter'];

const AGGREGATE_SQL: Record<AggregateFunction, string> = {
  mean: 'AVG(value)',
  min: 'MIN(value)',
  max: 'MAX(value)',
  sum: 'SUM(value)',
  count: 'COUNT(*)',
  // SQLite takes the bare column `value` from the row holding MAX(ts)
  last: 'value, MAX(ts)',
};

/** An events row as selected: device_id, ts, type, code, component, severity, visit_id, note. */
type EventTuple = [string, number, string, string, string, string | null, string | null, string | null];

/** The embedded time-series store: one SQLite file, upserts keyed by series and time. */
export class SqliteTelemetryStore implements TelemetryStore {
  /** Read connection; writes go through the worker's own connection (WAL lets both run). */
  private readonly db: SqliteDatabase;
  private readonly findSeries: Statement;
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

  constructor(private readonly file: string) {
    this.db = openSqlite(file, MIGRATIONS);
    this.db.pragma('cache_size = -65536');
    this.findSeries = this.db.prepare('SELECT id, kind FROM series WHERE device_id = ? AND metric = ?');
  }

  /** The writer thread, started on first use and again after a crash. */
  private writer(): Worker {
    if (this.worker) return this.worker;
    const upsert = 'ON CONFLICT DO UPDATE SET value = excluded.value';
    const worker = new Worker(new URL('./sqlite-writer.worker.cjs', import.meta.url), {
      workerData: {
        file: this.file,
        driverPath: createRequire(import.meta.url).resolve('better-sqlite3'),
        chunk: CHUNK,
        sql: {
          insertOne: `INSERT INTO telemetry (series_id, ts, value) VALUES (?, ?, ?) ${upsert}`,
          insertChunk: `INSERT INTO telemetry (series_id, ts, value) VALUES ${Array(CHUNK).fill('(?, ?, ?)').join(', ')} ${upsert}`,
          upsertSeries: `INSERT INTO series (device_id, metric, kind) VALUES (?, ?, ?)
             ON CONFLICT (device_id, metric) DO UPDATE SET kind = excluded.kind RETURNING id`,
          insertEvent: `INSERT INTO events (device_id, ts, type, code, component, severity, visit_id, note)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT DO UPDATE SET severity = excluded.severity, visit_id = excluded.visit_id, note = excluded.note`,
        },
      },
    });
    worker.on('message', (msg: { id: number; ok: boolean; error?: string }) => {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.ok) p?.resolve();
      else p?.reject(new Error(`SQLite write failed: ${msg.error}`));
    });
    const fail = (err: Error): void => {
      this.worker = null;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`SQLite writer exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  write(points: readonly TelemetryPoint[], events: readonly EventRecord[]): Promise<void> {
    if (!points.length && !events.length) return Promise.resolve();
    // strings once per batch, numbers in one transferable array: cheap to hand over
    const devices: string[] = [];
    const metrics: string[] = [];
    const deviceIndex = new Map<string, number>();
    const metricIndex = new Map<string, number>();
    const packed = new Float64Array(points.length * 5);
    let k = 0;
    for (const p of points) {
      let d = deviceIndex.get(p.deviceId);
      if (d === undefined) deviceIndex.set(p.deviceId, (d = devices.push(p.deviceId) - 1));
      let m = metricIndex.get(p.metric);
      if (m === undefined) metricIndex.set(p.metric, (m = metrics.push(p.metric) - 1));
      packed[k++] = d;
      packed[k++] = m;
      packed[k++] = KIND_CODE[p.kind];
      packed[k++] = p.ts;
      packed[k++] = p.value;
    }
    const id = this.nextId++;
    const worker = this.writer();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, devices, metrics, packed, events }, [packed.buffer]);
    });
  }

  private lookupSeries(deviceId: string, metric: string): { id: number; kind: MetricKind } | null {
    const row = this.findSeries.get(deviceId, metric) as { id: number; kind: number } | undefined;
    return row ? { id: row.id, kind: KIND_NAME[row.kind] } : null;
  }

  queryRaw(q: RawTelemetryQuery): Promise<TelemetryPoint[]> {
    const series = this.lookupSeries(q.deviceId, q.metric);
    if (!series) return Promise.resolve([]);
    const from = q.after !== undefined ? Math.max(q.from, q.after + 1) : q.from;
    const rows = this.db
      .prepare(
        'SELECT ts, value FROM telemetry WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?',
      )
      .all(series.id, from, q.to, q.limit) as Array<{ ts: number; value: number }>;
    return Promise.resolve(
      rows.map((r) => ({
        deviceId: q.deviceId,
        metric: q.metric,
        kind: series.kind,
        ts: r.ts,
        value: r.value,
      })),
    );
  }

  queryAggregate(q: AggregateTelemetryQuery): Promise<WindowValue[]> {
    const series = this.lookupSeries(q.deviceId, q.metric);
    if (!series) return Promise.resolve([]);
    const rows = this.db
      .prepare(
        `SELECT ts - ts % :w AS start, ${AGGREGATE_SQL[q.fn]} AS agg FROM telemetry
         WHERE series_id = :series AND ts >= :from AND ts < :to
         GROUP BY start ORDER BY start`,
      )
      .all({ w: q.windowMs, series: series.id, from: q.from, to: q.to }) as Array<{
      start: number;
      agg?: number;
      value?: number;
    }>;
    return Promise.resolve(rows.map((r) => ({ start: r.start, value: q.fn === 'last' ? r.value! : r.agg! })));
  }

  queryEvents(q: EventQuery): Promise<StoredEvent[]> {
    const where = ['ts >= @from', 'ts < @to'];
    const params: Record<string, unknown> = { from: q.from, to: q.to, limit: q.limit };
    if (q.deviceId !== undefined) {
      where.push('device_id = @device');
      params.device = q.deviceId;
    }
    if (q.deviceIds) {
      where.push('device_id IN (SELECT value FROM json_each(@devices))');
      params.devices = JSON.stringify(q.deviceIds);
    }
    if (q.types?.length) {
      where.push(`type IN (${q.types.map((_, i) => `@type${i}`).join(', ')})`);
      q.types.forEach((t, i) => (params[`type${i}`] = t));
    }
    if (q.after) {
      const [device, type, code, component] = JSON.parse(q.after.key) as string[];
      where.push('(ts, device_id, type, code, component) > (@aTs, @aDevice, @aType, @aCode, @aComponent)');
      Object.assign(params, {
        aTs: q.after.ts,
        aDevice: device,
        aType: type,
        aCode: code,
        aComponent: component,
      });
    }
    // rows as arrays: building a keyed object per row costs more than the query (KPI rebuilds read millions)
    const rows = this.db
      .prepare(
        `SELECT device_id, ts, type, code, component, severity, visit_id, note FROM events
         WHERE ${where.join(' AND ')}
         ORDER BY ts, device_id, type, code, component LIMIT @limit`,
      )
      .raw()
      .all(params) as EventTuple[];
    return Promise.resolve(rows.map(toStoredEvent));
  }

  queryWindowLast(q: WindowLastQuery): Promise<DeviceWindowValue[]> {
    const devices = q.deviceIds ? 'AND s.device_id IN (SELECT value FROM json_each(:ids))' : '';
    // SQLite takes the bare column `value` from the row holding MAX(ts)
    const rows = this.db
      .prepare(
        `SELECT s.device_id AS deviceId, t.ts - t.ts % :w AS start, t.value AS value, MAX(t.ts)
         FROM series s JOIN telemetry t ON t.series_id = s.id
         WHERE s.metric = :metric ${devices} AND t.ts >= :from AND t.ts < :to
         GROUP BY s.id, start ORDER BY s.device_id, start`,
      )
      .all({
        w: q.windowMs,
        metric: q.metric,
        from: q.from,
        to: q.to,
        ...(q.deviceIds ? { ids: JSON.stringify(q.deviceIds) } : {}),
      }) as Array<{ deviceId: string; start: number; value: number }>;
    return Promise.resolve(rows.map((r) => ({ deviceId: r.deviceId, start: r.start, value: r.value })));
  }

  queryWindowStats(q: WindowStatsQuery): Promise<DeviceWindowStats[]> {
    const devices = q.deviceIds ? 'AND s.device_id IN (SELECT value FROM json_each(:ids))' : '';
    // the window's last value by its latest time: one primary-key lookup per window
    const rows = this.db
      .prepare(
        `SELECT g.device_id, g.start, g.mean, g.mn, g.mx, g.n, t.value
         FROM (
           SELECT s.id AS sid, s.device_id AS device_id, t.ts - t.ts % :w AS start, AVG(t.value) AS mean,
                  MIN(t.value) AS mn, MAX(t.value) AS mx, COUNT(*) AS n, MAX(t.ts) AS last_ts
           FROM series s JOIN telemetry t ON t.series_id = s.id
           WHERE s.metric = :metric ${devices} AND t.ts >= :from AND t.ts < :to
           GROUP BY s.id, start
         ) g JOIN telemetry t ON t.series_id = g.sid AND t.ts = g.last_ts
         ORDER BY g.device_id, g.start`,
      )
      .raw()
      .all({
        w: q.windowMs,
        metric: q.metric,
        from: q.from,
        to: q.to,
        ...(q.deviceIds ? { ids: JSON.stringify(q.deviceIds) } : {}),
      }) as Array<[string, number, number, number, number, number, number]>;
    return Promise.resolve(
      rows.map(([deviceId, start, mean, min, max, count, last]) => ({
        deviceId,
        start,
        mean,
        min,
        max,
        count,
        last,
      })),
    );
  }

  writeRisk(points: readonly RiskPoint[]): Promise<void> {
    // a point per scored component a run: small next to telemetry, written on this connection
    const insert = this.db.prepare(
      `INSERT INTO risk (device_id, component, ts, probabilities, remaining_days, remaining_usage, alert)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET probabilities = excluded.probabilities, remaining_days = excluded.remaining_days,
         remaining_usage = excluded.remaining_usage, alert = excluded.alert`,
    );
    this.db.transaction(() => {
      for (const p of points)
        insert.run(
          p.deviceId,
          p.component,
          p.ts,
          JSON.stringify(p.probabilities.map((r) => [r.horizonDays, r.probability])),
          finiteOrNull(p.remainingDays),
          finiteOrNull(p.remainingUsage),
          p.alert ? 1 : 0,
        );
    })();
    return Promise.resolve();
  }

  queryRisk(q: RiskQuery): Promise<RiskPoint[]> {
    const components = q.components ? 'AND component IN (SELECT value FROM json_each(:components))' : '';
    const rows = this.db
      .prepare(
        `SELECT component, ts, probabilities, remaining_days, remaining_usage, alert FROM risk
         WHERE device_id = :device ${components} AND ts >= :from AND ts < :to ORDER BY component, ts`,
      )
      .raw()
      .all({
        device: q.deviceId,
        from: q.from,
        to: q.to,
        ...(q.components ? { components: JSON.stringify(q.components) } : {}),
      }) as Array<[string, number, string, number | null, number | null, number]>;
    return Promise.resolve(
      rows.map(([component, ts, probabilities, remainingDays, remainingUsage, alert]) => ({
        deviceId: q.deviceId,
        component,
        ts,
        probabilities: (JSON.parse(probabilities) as Array<[number, number]>).map(([h, p]) => ({
          horizonDays: h,
          probability: p,
        })),
        remainingDays,
        remainingUsage,
        alert: alert === 1,
      })),
    );
  }

  writeKpis(rows: readonly KpiRow[]): Promise<void> {
    // small and rare next to telemetry: written on this connection, WAL lets the writer thread go on
    const insert = this.db.prepare(
      `INSERT INTO kpi_daily (scope, scope_id, day, fields) VALUES (?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET fields = excluded.fields`,
    );
    this.db.transaction(() => {
      for (const r of rows) insert.run(r.scope, r.scopeId, r.day, JSON.stringify(r.fields));
    })();
    return Promise.resolve();
  }

  queryKpis(q: KpiRowQuery): Promise<KpiRow[]> {
    const ids = q.scopeIds ? 'AND scope_id IN (SELECT value FROM json_each(:ids))' : '';
    const rows = this.db
      .prepare(
        `SELECT scope_id, day, fields FROM kpi_daily
         WHERE scope = :scope ${ids} AND day >= :from AND day < :to ORDER BY scope_id, day`,
      )
      .all({
        scope: q.scope,
        from: q.from,
        to: q.to,
        ...(q.scopeIds ? { ids: JSON.stringify(q.scopeIds) } : {}),
      }) as Array<{ scope_id: string; day: number; fields: string }>;
    return Promise.resolve(
      rows.map((r) => ({
        scope: q.scope,
        scopeId: r.scope_id,
        day: r.day,
        fields: JSON.parse(r.fields) as Record<string, number>,
      })),
    );
  }

  clearKpis(): Promise<void> {
    this.db.prepare('DELETE FROM kpi_daily').run();
    return Promise.resolve();
  }

  listMetrics(deviceId?: string): Promise<string[]> {
    const rows = (
      deviceId === undefined
        ? this.db.prepare('SELECT DISTINCT metric FROM series ORDER BY metric').all()
        : this.db.prepare('SELECT metric FROM series WHERE device_id = ? ORDER BY metric').all(deviceId)
    ) as Array<{ metric: string }>;
    return Promise.resolve(rows.map((r) => r.metric));
  }

  health(): Promise<StoreHealth> {
    try {
      this.db.prepare('SELECT 1').get();
      return Promise.resolve({ ok: true });
    } catch (err) {
      return Promise.resolve({ ok: false, detail: (err as Error).message });
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (worker) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ type: 'close' });
      await exited;
    }
    if (this.db.open) this.db.close();
  }
}

const finiteOrNull = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

function toStoredEvent([
  deviceId,
  ts,
  type,
  code,
  component,
  severity,
  visitId,
  note,
]: EventTuple): StoredEvent {
  const event: StoredEvent = {
    deviceId,
    ts,
    type: type as StoredEvent['type'],
    key: JSON.stringify([deviceId, type, code, component]),
  };
  if (code) event.code = code;
  if (component) event.component = component;
  if (severity) event.severity = severity as StoredEvent['severity'];
  if (visitId) event.visitId = visitId;
  if (note) event.note = note;
  return event;
}
