import { HttpError, type WriteApi } from '@influxdata/influxdb-client';
import type { InfluxConfig } from '../../config/app-config.js';
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
import { DiskSpool, type SpoolStats } from './disk-spool.js';
import { createWriteApi, InfluxQlClient, type InfluxSeries } from './influx-connection.js';
import {
  MEASUREMENT,
  RISK_FIELD_PATTERN,
  eventLine,
  kpiLine,
  literal,
  oldestTimestamp,
  oneOf,
  riskLine,
  telemetryLine,
} from './influx-schema.js';

/** What the store reports to the rest of the service (metrics, dead letters, logs). */
export interface InfluxStoreObserver {
  /** InfluxDB refused a batch as malformed: it is dead-lettered, not retried. */
  quarantined(lines: readonly string[], reason: string): void;
  spoolChanged(stats: SpoolStats): void;
  replayed(lines: number): void;
  /** Writes failed and went to the spool (first failure of a run, and when the reason changes). */
  unavailable(reason: string): void;
  recovered(): void;
  /** The spool is full: ingest is held back until it drains. Called again every 10 s while it lasts. */
  spoolFull(stats: SpoolStats): void;
}

type Outcome = { ok: true } | { ok: false; retriable: boolean; reason: string };

const AGGREGATE_SQL: Record<AggregateFunction, string> = {
  mean: 'mean(value)',
  min: 'min(value)',
  max: 'max(value)',
  sum: 'sum(value)',
  count: 'count(value)',
  last: 'last(value)',
};

const MIN_BACKOFF_MS = 250;
/** InfluxDB is probed at least this often while the spool waits. */
const MAX_BACKOFF_MS = 10_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());

/**
 * The time-series store on InfluxDB (v1 or v2 write API, InfluxQL reads). Nothing
 * accepted is dropped: a batch InfluxDB cannot take goes to a disk spool at once and
 * is replayed in order when it is back; while the spool holds anything, new batches
 * queue behind it. Replays overwrite (a point is its series and time), so no duplicates.
 */
export class InfluxTelemetryStore implements TelemetryStore {
  private readonly writeApi: WriteApi;
  private readonly ql: InfluxQlClient;
  private readonly spool: DiskSpool;
  private outcome: Outcome | null = null;
  private sending: Promise<unknown> = Promise.resolve();
  private replay: Promise<void> | null = null;
  private closed = false;
  private failing: string | null = null;
  /** A writer is waiting for room in the spool. */
  private heldBack = false;

  constructor(
    private readonly c: InfluxConfig,
    spoolDir: string,
    private readonly observer: InfluxStoreObserver,
  ) {
    this.ql = new InfluxQlClient(c);
    this.spool = new DiskSpool(spoolDir, c.spoolMaxBytes);
    this.writeApi = createWriteApi(c, (error) => {
      this.outcome = classify(error);
      return Promise.resolve();
    });
    this.observer.spoolChanged(this.spool.stats());
  }

  /** v1: creates the database if it is missing (harmless when it exists); replays what a previous run spooled. */
  async start(): Promise<void> {
    if (this.c.api === 'v1') {
      await this.ql
        .query(`CREATE DATABASE "${this.c.database.replace(/"/g, '\\"')}"`, null)
        .catch(() => undefined);
    }
    this.kickReplay();
  }

  spoolStats(): SpoolStats {
    const stats = this.spool.stats();
    return { ...stats, full: stats.full || this.heldBack };
  }

  write(points: readonly TelemetryPoint[], events: readonly EventRecord[]): Promise<void> {
    const lines = points.map(telemetryLine);
    for (const e of events) lines.push(eventLine(e));
    return this.deliver(lines);
  }

  writeKpis(rows: readonly KpiRow[]): Promise<void> {
    return this.deliver(rows.map(kpiLine));
  }

  writeRisk(points: readonly RiskPoint[]): Promise<void> {
    return this.deliver(points.map(riskLine));
  }

  private async deliver(lines: string[]): Promise<void> {
    for (let i = 0; i < lines.length; i += this.c.batchLines) {
      const chunk = lines.slice(i, i + this.c.batchLines);
      if (!this.spool.empty) {
        await this.toSpool(chunk);
        continue;
      }
      const outcome = await this.send(chunk);
      if (outcome.ok) continue;
      if (!outcome.retriable) {
        this.observer.quarantined(chunk, outcome.reason);
        continue;
      }
      this.noteFailure(outcome.reason);
      await this.toSpool(chunk);
    }
  }

  /** One batch through the WriteApi, one at a time (the outcome slot is shared). */
  private send(lines: readonly string[]): Promise<Outcome> {
    const run = this.sending.then(async () => {
      this.outcome = null;
      this.writeApi.writeRecords(lines as string[]);
      await this.writeApi.flush();
      return this.outcome ?? ({ ok: true } as const);
    });
    this.sending = run.catch(() => undefined);
    return run.catch((err: unknown) => ({ ok: false, retriable: true, reason: String(err) }));
  }

  private async toSpool(lines: string[]): Promise<void> {
    const bytes = lines.reduce((n, l) => n + l.length + 1, 64);
    let warned = 0;
    // full: hold the writer back (ingest stops reading the broker) rather than drop; at shutdown, spool anyway
    while (!this.spool.hasRoom(bytes) && !this.closed) {
      this.heldBack = true;
      if (Date.now() - warned > 10_000) {
        warned = Date.now();
        this.observer.spoolFull(this.spoolStats());
      }
      this.kickReplay();
      await sleep(200);
    }
    this.heldBack = false;
    this.spool.append(lines, oldestTimestamp(lines));
    this.observer.spoolChanged(this.spoolStats());
    // the replay may have found the spool empty and ended while this writer waited
    this.kickReplay();
  }

  private noteFailure(reason: string): void {
    if (this.failing !== reason) this.observer.unavailable(reason);
    this.failing = reason;
  }

  private kickReplay(): void {
    if (this.replay || this.spool.empty || this.closed) return;
    this.replay = this.replayLoop().finally(() => {
      this.replay = null;
      // a batch may have been spooled just as the loop ended
      if (!this.spool.empty && !this.closed) this.kickReplay();
    });
  }

  /** Sends the spool, oldest first, backing off (with jitter) while InfluxDB refuses. */
  private async replayLoop(): Promise<void> {
    let backoff = MIN_BACKOFF_MS;
    while (!this.closed) {
      const batch = this.spool.peek();
      if (!batch) break;
      const outcome = await this.send(batch.lines);
      if (outcome.ok || !outcome.retriable) {
        if (!outcome.ok) this.observer.quarantined(batch.lines, outcome.reason);
        else this.observer.replayed(batch.lines.length);
        this.spool.shift(batch.seq);
        this.observer.spoolChanged(this.spoolStats());
        backoff = MIN_BACKOFF_MS;
        continue;
      }
      this.noteFailure(outcome.reason);
      await sleep(backoff / 2 + (Math.random() * backoff) / 2);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
    if (this.spool.empty && this.failing !== null) {
      this.failing = null;
      this.observer.recovered();
    }
  }

  async queryRaw(q: RawTelemetryQuery): Promise<TelemetryPoint[]> {
    const from = q.after !== undefined ? Math.max(q.from, q.after + 1) : q.from;
    const series = await this.ql.query(
      `SELECT value, kind FROM ${MEASUREMENT.telemetry} WHERE device = ${literal(q.deviceId)} AND metric = ${literal(q.metric)}
       AND time >= ${from}ms AND time < ${q.to}ms ORDER BY time ASC LIMIT ${q.limit}`,
    );
    return rowsOf(series)
      .map((r) => ({
        deviceId: q.deviceId,
        metric: q.metric,
        kind: r.kind as MetricKind,
        ts: r.time as number,
        value: r.value as number,
      }))
      .sort((a, b) => a.ts - b.ts)
      .slice(0, q.limit);
  }

  async queryAggregate(q: AggregateTelemetryQuery): Promise<WindowValue[]> {
    const series = await this.ql.query(
      `SELECT ${AGGREGATE_SQL[q.fn]} AS agg FROM ${MEASUREMENT.telemetry}
       WHERE device = ${literal(q.deviceId)} AND metric = ${literal(q.metric)} AND time >= ${q.from}ms AND time < ${q.to}ms
       GROUP BY time(${q.windowMs}ms) fill(none)`,
    );
    return rowsOf(series)
      .filter((r) => r.agg !== null)
      .map((r) => ({ start: r.time as number, value: r.agg as number }))
      .sort((a, b) => a.start - b.start);
  }

  async queryEvents(q: EventQuery): Promise<StoredEvent[]> {
    const where = [`time < ${q.to}ms`];
    if (q.deviceIds && q.deviceIds.length === 0) return [];
    if (q.deviceId !== undefined) where.push(`device = ${literal(q.deviceId)}`);
    if (q.deviceIds) where.push(`device =~ ${oneOf(q.deviceIds)}`);
    if (q.types?.length) where.push(`(${q.types.map((t) => `type = ${literal(t)}`).join(' OR ')})`);
    const select = (extra: string, limit?: number): Promise<InfluxSeries[]> =>
      this.ql.query(
        `SELECT * FROM ${MEASUREMENT.events} WHERE ${[...where, extra].join(' AND ')}${limit ? ` LIMIT ${limit}` : ''}`,
      );
    const out: StoredEvent[] = [];
    let start = q.from;
    if (q.after) {
      // the rest of the cursor's own timestamp first, then strictly later ones
      const same = rowsOf(await select(`time = ${q.after.ts}ms`)).map(toEvent);
      out.push(...same.filter((e) => e.key > q.after!.key).sort(byTimeKey));
      start = q.after.ts + 1;
    }
    if (out.length < q.limit && start < q.to) {
      const want = q.limit - out.length;
      let later = rowsOf(await select(`time >= ${start}ms`, want)).map(toEvent);
      if (later.length === want) {
        // the limit may cut a timestamp in two: take that timestamp whole, in key order
        const lastTs = Math.max(...later.map((e) => e.ts));
        later = later.filter((e) => e.ts !== lastTs);
        later.push(...rowsOf(await select(`time = ${lastTs}ms`)).map(toEvent));
      }
      out.push(...later.sort(byTimeKey));
    }
    return out.slice(0, q.limit);
  }

  async queryWindowLast(q: WindowLastQuery): Promise<DeviceWindowValue[]> {
    if (q.deviceIds && q.deviceIds.length === 0) return [];
    const devices = q.deviceIds ? ` AND device =~ ${oneOf(q.deviceIds)}` : '';
    const series = await this.ql.query(
      `SELECT last(value) AS value FROM ${MEASUREMENT.telemetry}
       WHERE metric = ${literal(q.metric)}${devices} AND time >= ${q.from}ms AND time < ${q.to}ms
       GROUP BY time(${q.windowMs}ms), device fill(none)`,
    );
    const out: DeviceWindowValue[] = [];
    for (const s of series) {
      const deviceId = s.tags?.device ?? '';
      for (const r of rowsOf([s]))
        if (r.value !== null) out.push({ deviceId, start: r.time as number, value: r.value as number });
    }
    return out.sort((a, b) =>
      a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.start - b.start,
    );
  }

  async queryWindowStats(q: WindowStatsQuery): Promise<DeviceWindowStats[]> {
    if (q.deviceIds && q.deviceIds.length === 0) return [];
    const devices = q.deviceIds ? ` AND device =~ ${oneOf(q.deviceIds)}` : '';
    const series = await this.ql.query(
      `SELECT mean(value) AS "mean", min(value) AS "min", max(value) AS "max", count(value) AS "count",
       last(value) AS "last" FROM ${MEASUREMENT.telemetry}
       WHERE metric = ${literal(q.metric)}${devices} AND time >= ${q.from}ms AND time < ${q.to}ms
       GROUP BY time(${q.windowMs}ms), device fill(none)`,
    );
    const out: DeviceWindowStats[] = [];
    for (const s of series) {
      const deviceId = s.tags?.device ?? '';
      for (const r of rowsOf([s]))
        if (r.count !== null && (r.count as number) > 0)
          out.push({
            deviceId,
            start: r.time as number,
            mean: r.mean as number,
            min: r.min as number,
            max: r.max as number,
            count: r.count as number,
            last: r.last as number,
          });
    }
    return out.sort((a, b) =>
      a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.start - b.start,
    );
  }

  async queryRisk(q: RiskQuery): Promise<RiskPoint[]> {
    if (q.components && q.components.length === 0) return [];
    const components = q.components ? ` AND component =~ ${oneOf(q.components)}` : '';
    const series = await this.ql.query(
      `SELECT * FROM ${MEASUREMENT.risk} WHERE device = ${literal(q.deviceId)}${components}
       AND time >= ${q.from}ms AND time < ${q.to}ms GROUP BY component`,
    );
    const out: RiskPoint[] = [];
    for (const s of series) {
      const component = s.tags?.component ?? '';
      for (const r of rowsOf([s])) {
        const probabilities: RiskPoint['probabilities'] = [];
        for (const [k, v] of Object.entries(r)) {
          const m = RISK_FIELD_PATTERN.exec(k);
          if (m && typeof v === 'number') probabilities.push({ horizonDays: Number(m[1]), probability: v });
        }
        probabilities.sort((a, b) => a.horizonDays - b.horizonDays);
        out.push({
          deviceId: q.deviceId,
          component,
          ts: r.time as number,
          probabilities,
          remainingDays: typeof r.remaining_days === 'number' ? r.remaining_days : null,
          remainingUsage: typeof r.remaining_usage === 'number' ? r.remaining_usage : null,
          alert: r.alert === 1,
        });
      }
    }
    return out.sort((a, b) => (a.component < b.component ? -1 : a.component > b.component ? 1 : a.ts - b.ts));
  }

  async queryKpis(q: KpiRowQuery): Promise<KpiRow[]> {
    if (q.scopeIds && q.scopeIds.length === 0) return [];
    const ids = q.scopeIds ? ` AND scope_id =~ ${oneOf(q.scopeIds)}` : '';
    const series = await this.ql.query(
      `SELECT fields_json FROM ${MEASUREMENT.kpi} WHERE scope = ${literal(q.scope)}${ids}
       AND time >= ${q.from}ms AND time < ${q.to}ms GROUP BY scope_id`,
    );
    const out: KpiRow[] = [];
    for (const s of series) {
      const scopeId = s.tags?.scope_id ?? '';
      for (const r of rowsOf([s]))
        out.push({
          scope: q.scope,
          scopeId,
          day: r.time as number,
          fields: JSON.parse(r.fields_json as string) as Record<string, number>,
        });
    }
    return out.sort((a, b) => (a.scopeId < b.scopeId ? -1 : a.scopeId > b.scopeId ? 1 : a.day - b.day));
  }

  async clearKpis(): Promise<void> {
    // a spooled KPI row replayed after the delete would come back: wait for the spool to drain
    if (!this.spool.empty)
      throw new Error(
        'InfluxDB has spooled writes not replayed yet: the KPI ledger is cleared once they are',
      );
    await this.ql.deleteMeasurement(MEASUREMENT.kpi);
  }

  async listMetrics(deviceId?: string): Promise<string[]> {
    const where = deviceId === undefined ? '' : ` WHERE device = ${literal(deviceId)}`;
    const series = await this.ql.query(
      `SHOW TAG VALUES FROM ${MEASUREMENT.telemetry} WITH KEY = "metric"${where}`,
    );
    return [...new Set(rowsOf(series).map((r) => r.value as string))].sort();
  }

  async health(): Promise<StoreHealth> {
    const stats = this.spoolStats();
    const reachable = await this.ql.ping();
    const spooling = stats.lines
      ? `; spooled ${stats.lines} lines in ${stats.batches} batches, oldest point ${stats.oldestTs === null ? '-' : new Date(stats.oldestTs).toISOString()}`
      : '';
    if (stats.full) return { ok: false, detail: `spool full: ingest is held back${spooling}` };
    // unreachable but spooling with room: data is safe, so still ready
    if (!reachable) return { ok: true, detail: `InfluxDB unreachable, writes go to the spool${spooling}` };
    return { ok: true, detail: spooling ? `replaying${spooling}` : undefined };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.replay;
    await this.sending;
    await this.writeApi.close().catch(() => undefined);
  }
}

/** Retriable: no answer, timeouts, 404 (database not there yet), 408, 429, 5xx, and auth (fix the config, keep the data). */
function classify(error: Error): Outcome {
  if (error instanceof HttpError) {
    const status = error.statusCode;
    const malformed = status === 400 || status === 413 || status === 422;
    return {
      ok: false,
      retriable: !malformed,
      reason: `${status}: ${error.body ?? error.message}`.slice(0, 500),
    };
  }
  return { ok: false, retriable: true, reason: error.message };
}

function rowsOf(series: InfluxSeries[]): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const s of series) {
    for (const values of s.values) {
      const row: Record<string, unknown> = { ...(s.tags ?? {}) };
      s.columns.forEach((c, i) => (row[c] = values[i]));
      rows.push(row);
    }
  }
  return rows;
}

function toEvent(r: Record<string, unknown>): StoredEvent {
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const code = str(r.code);
  const component = str(r.component);
  const event: StoredEvent = {
    deviceId: str(r.device),
    ts: r.time as number,
    type: str(r.type) as StoredEvent['type'],
    key: JSON.stringify([str(r.device), str(r.type), code, component]),
  };
  if (code) event.code = code;
  if (component) event.component = component;
  if (typeof r.severity === 'string') event.severity = r.severity as StoredEvent['severity'];
  if (typeof r.visit_id === 'string') event.visitId = r.visit_id;
  if (typeof r.note === 'string') event.note = r.note;
  return event;
}

const byTimeKey = (a: StoredEvent, b: StoredEvent): number =>
  a.ts - b.ts || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
