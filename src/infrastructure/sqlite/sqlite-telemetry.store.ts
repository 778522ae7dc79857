import type { Statement } from 'better-sqlite3';
import type { EventRecord, MetricKind, TelemetryPoint } from '../../ports/records.js';
import type {
  AggregateFunction,
  AggregateTelemetryQuery,
  EventQuery,
  RawTelemetryQuery,
  StoreHealth,
  StoredEvent,
  TelemetryStore,
  WindowValue,
} from '../../ports/telemetry-store.port.js';
import { openSqlite, type SqliteDatabase } from './sqlite-database.js';

const MIGRATIONS = [
  `CREATE TABLE telemetry (
     device_id TEXT NOT NULL,
     metric TEXT NOT NULL,
     ts INTEGER NOT NULL,
     value REAL NOT NULL,
     kind INTEGER NOT NULL,
     PRIMARY KEY (device_id, metric, ts)
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
];

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

interface EventRow {
  device_id: string;
  ts: number;
  type: string;
  code: string;
  component: string;
  severity: string | null;
  visit_id: string | null;
  note: string | null;
}

/** The embedded time-series store: one SQLite file, upserts keyed by series and time. */
export class SqliteTelemetryStore implements TelemetryStore {
  private readonly db: SqliteDatabase;
  private readonly insertPoint: Statement;
  private readonly insertEvent: Statement;
  private readonly writeTx: (points: readonly TelemetryPoint[], events: readonly EventRecord[]) => void;

  constructor(file: string) {
    this.db = openSqlite(file, MIGRATIONS);
    this.insertPoint = this.db.prepare(
      `INSERT INTO telemetry (device_id, metric, ts, value, kind) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET value = excluded.value, kind = excluded.kind`,
    );
    this.insertEvent = this.db.prepare(
      `INSERT INTO events (device_id, ts, type, code, component, severity, visit_id, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET severity = excluded.severity, visit_id = excluded.visit_id, note = excluded.note`,
    );
    this.writeTx = this.db.transaction(
      (points: readonly TelemetryPoint[], events: readonly EventRecord[]) => {
        for (const p of points) this.insertPoint.run(p.deviceId, p.metric, p.ts, p.value, KIND_CODE[p.kind]);
        for (const e of events) {
          this.insertEvent.run(
            e.deviceId,
            e.ts,
            e.type,
            e.code ?? '',
            e.component ?? '',
            e.severity ?? null,
            e.visitId ?? null,
            e.note ?? null,
          );
        }
      },
    );
  }

  write(points: readonly TelemetryPoint[], events: readonly EventRecord[]): Promise<void> {
    this.writeTx(points, events);
    return Promise.resolve();
  }

  queryRaw(q: RawTelemetryQuery): Promise<TelemetryPoint[]> {
    const from = q.after !== undefined ? Math.max(q.from, q.after + 1) : q.from;
    const rows = this.db
      .prepare(
        `SELECT ts, value, kind FROM telemetry
         WHERE device_id = ? AND metric = ? AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?`,
      )
      .all(q.deviceId, q.metric, from, q.to, q.limit) as Array<{ ts: number; value: number; kind: number }>;
    return Promise.resolve(
      rows.map((r) => ({
        deviceId: q.deviceId,
        metric: q.metric,
        kind: KIND_NAME[r.kind],
        ts: r.ts,
        value: r.value,
      })),
    );
  }

  queryAggregate(q: AggregateTelemetryQuery): Promise<WindowValue[]> {
    const rows = this.db
      .prepare(
        `SELECT ts - ts % :w AS start, ${AGGREGATE_SQL[q.fn]} AS agg FROM telemetry
         WHERE device_id = :device AND metric = :metric AND ts >= :from AND ts < :to
         GROUP BY start ORDER BY start`,
      )
      .all({ w: q.windowMs, device: q.deviceId, metric: q.metric, from: q.from, to: q.to }) as Array<{
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
    const rows = this.db
      .prepare(
        `SELECT * FROM events WHERE ${where.join(' AND ')}
         ORDER BY ts, device_id, type, code, component LIMIT @limit`,
      )
      .all(params) as EventRow[];
    return Promise.resolve(rows.map(toStoredEvent));
  }

  listMetrics(deviceId: string): Promise<string[]> {
    // skip-scan over the primary key: one seek per distinct metric
    const rows = this.db
      .prepare(
        `WITH RECURSIVE m(metric) AS (
           SELECT MIN(metric) FROM telemetry WHERE device_id = @device
           UNION ALL
           SELECT (SELECT MIN(metric) FROM telemetry WHERE device_id = @device AND metric > m.metric) FROM m
           WHERE m.metric IS NOT NULL
         ) SELECT metric FROM m WHERE metric IS NOT NULL`,
      )
      .all({ device: deviceId }) as Array<{ metric: string }>;
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

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}

function toStoredEvent(r: EventRow): StoredEvent {
  const event: StoredEvent = {
    deviceId: r.device_id,
    ts: r.ts,
    type: r.type as StoredEvent['type'],
    key: JSON.stringify([r.device_id, r.type, r.code, r.component]),
  };
  if (r.code) event.code = r.code;
  if (r.component) event.component = r.component;
  if (r.severity) event.severity = r.severity as StoredEvent['severity'];
  if (r.visit_id) event.visitId = r.visit_id;
  if (r.note) event.note = r.note;
  return event;
}
