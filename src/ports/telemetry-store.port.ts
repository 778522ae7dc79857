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

export interface StoreHealth {
  ok: boolean;
  detail?: string;
}

/**
 * The time-series store: telemetry points and device events. Implemented by the
 * embedded SQLite store and by InfluxDB; both pass `test/contract/telemetry-store.contract.ts`.
 * Writing a point or event that exists already (same identity) overwrites it.
 */
export interface TelemetryStore {
  write(points: readonly TelemetryPoint[], events: readonly EventRecord[]): Promise<void>;
  queryRaw(query: RawTelemetryQuery): Promise<TelemetryPoint[]>;
  queryAggregate(query: AggregateTelemetryQuery): Promise<WindowValue[]>;
  queryEvents(query: EventQuery): Promise<StoredEvent[]>;
  /** Metric names a device has reported, sorted. */
  listMetrics(deviceId: string): Promise<string[]>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export const TELEMETRY_STORE = Symbol('TelemetryStore');
