import type { Page } from '../common/http/paged-response.js';
import type { EventRecord, MetricKind } from '../ports/records.js';
import type { AggregateFunction } from '../ports/telemetry-store.port.js';

/** Query string of the telemetry endpoint, as received. */
export interface TelemetryQueryParams {
  from?: string;
  to?: string;
  window?: string;
  fn?: string;
  limit?: string;
  cursor?: string;
  format?: string;
}

export interface EventQueryParams {
  from?: string;
  to?: string;
  type?: string;
  deviceId?: string;
  limit?: string;
  cursor?: string;
  format?: string;
}

export interface TelemetryRow {
  /** Point time, or window start, ISO 8601. */
  time: string;
  ts: number;
  value: number;
}

export interface TelemetryPage extends Page<TelemetryRow> {
  deviceId: string;
  metric: string;
  from: string;
  to: string;
  kind?: MetricKind;
  window?: string;
  fn?: AggregateFunction;
}

export interface EventRow extends EventRecord {
  time: string;
}

export const TELEMETRY_CSV_COLUMNS = ['time', 'ts', 'value'] as const;
export const EVENT_CSV_COLUMNS = [
  'time',
  'ts',
  'deviceId',
  'type',
  'code',
  'component',
  'severity',
  'visitId',
  'note',
] as const;
