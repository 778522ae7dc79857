import type { EventRecord, TelemetryPoint } from './records.js';

export const AGGREGATE_FUNCTIONS = ['mean', 'min', 'max', 'sum', 'count', 'last'] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

/** Half-open time range [from, to) in milliseconds since the epoch. */
export interface TimeRange {
  from: number;
  to: number;
}

export interface RawTelemetryQuery extends TimeRange {
  deviceId: string;
  metric: string;
  /** Most points to return. */
  limit: number;
  /** Return points strictly after this time (paging cursor). */
  after?: number;
}

export interface AggregateTelemetryQuery extends TimeRange {
  deviceId: string;
  metric: string;
  fn: AggregateFunction;
  /** Window length in milliseconds; windows are aligned to the epoch. */
  windowMs: number;
}

/** One aggregation window; `start` is the window's start time. Empty windows are omitted. */
export interface WindowValue {
  start: number;
  value: number;
}

export interface EventQuery extends TimeRange {
  deviceId?: string;
  /** Only events of these devices (a batch of a fleet); all when absent. */
  deviceIds?: readonly string[];
  types?: string[];
  limit: number;
  /** Paging cursor: return events after this (ts, key) position. */
  after?: EventCursor;
}

export interface EventCursor {
  ts: number;
  key: string;
}

export interface StoredEvent extends EventRecord {
  /** Stable key of the event within its timestamp, for paging. */
  key: string;
}

/** Scopes KPIs are kept for. `fleet` has the single scope id `all`. */
export const KPI_SCOPES = ['device', 'model', 'component', 'customer', 'site', 'fleet'] as const;
export type KpiScope = (typeof KPI_SCOPES)[number];

/**
 * One row of the KPI ledger: the additive KPI facts (see reliability/kpi-ledger.ts) of
 * one scope over one UTC day, each under its hour. Identified by (scope, scopeId, day):
 * rewriting replaces it.
 */
export interface KpiRow {
  scope: KpiScope;
  scopeId: string;
  /** Start of the UTC day, ms since the epoch. */
  day: number;
  fields: Record<string, number>;
}

/** Rows whose day starts in [from, to). */
export interface KpiRowQuery extends TimeRange {
  scope: KpiScope;
  /** Only these scope ids; all when absent. */
  scopeIds?: readonly string[];
}

/** Last value per device and window of one metric, across devices. */
export interface WindowLastQuery extends TimeRange {
  metric: string;
  windowMs: number;
  /** Only these devices; all when absent. */
  deviceIds?: readonly string[];
}

export interface DeviceWindowValue extends WindowValue {
  deviceId: string;
}

/** Statistics of one metric per device and window, across devices (the daily aggregates predictions read). */
export interface WindowStatsQuery extends TimeRange {
  metric: string;
  windowMs: number;
  /** Only these devices; all when absent. */
  deviceIds?: readonly string[];
}

/** One window of one device's metric; empty windows are omitted. */
export interface DeviceWindowStats {
  deviceId: string;
  /** The window's start (windows are aligned to the epoch). */
  start: number;
  mean: number;
  min: number;
  max: number;
  count: number;
  /** Value of the window's latest point. */
  last: number;
}

/**
 * One scoring of one component of one device: the `risk` series (docs/predictions.md,
 * "Risk series"). Identified by (deviceId, component, ts): rewriting replaces it.
 */
export interface RiskPoint {
  deviceId: string;
  component: string;
  /** Scoring time, ms since the epoch. */
  ts: number;
  /** Probability of failure within each horizon, horizons ascending. */
  probabilities: Array<{ horizonDays: number; probability: number }>;
  /** Median remaining life; null when it cannot be told. */
  remainingDays: number | null;
  remainingUsage: number | null;
  /** The component's alert is raised. */
  alert: boolean;
}

export interface RiskQuery extends TimeRange {
  deviceId: string;
  /** Only these components; all when absent. */
  components?: readonly string[];
}

export interface StoreHealth {
  ok: boolean;
  detail?: string;
}

/**
 * The time-series store: telemetry points, device events, the KPI ledger and the predicted
 * risk series. Implemented by the
 * embedded SQLite store and by InfluxDB; both pass `test/contract/telemetry-store.contract.ts`.
 * Writing a point or event that exists already (same identity) overwrites it.
 */
export interface TelemetryStore {
  write(points: readonly TelemetryPoint[], events: readonly EventRecord[]): Promise<void>;
  queryRaw(query: RawTelemetryQuery): Promise<TelemetryPoint[]>;
  queryAggregate(query: AggregateTelemetryQuery): Promise<WindowValue[]>;
  queryEvents(query: EventQuery): Promise<StoredEvent[]>;
  /** Last value of a metric per device and window, sorted by device and window. */
  queryWindowLast(query: WindowLastQuery): Promise<DeviceWindowValue[]>;
  /** Mean, min, max, count and last of a metric per device and window, sorted by device and window. */
  queryWindowStats(query: WindowStatsQuery): Promise<DeviceWindowStats[]>;
  writeRisk(points: readonly RiskPoint[]): Promise<void>;
  /** Risk points of a device, sorted by component, then time. */
  queryRisk(query: RiskQuery): Promise<RiskPoint[]>;
  writeKpis(rows: readonly KpiRow[]): Promise<void>;
  /** Sorted by scope id, then day. */
  queryKpis(query: KpiRowQuery): Promise<KpiRow[]>;
  /** Removes every KPI ledger row (a rebuild starts from nothing). */
  clearKpis(): Promise<void>;
  /** Metric names a device has reported (every device's when absent), sorted. */
  listMetrics(deviceId?: string): Promise<string[]>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export const TELEMETRY_STORE = Symbol('TelemetryStore');
