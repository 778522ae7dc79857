import { escape } from '@influxdata/influxdb-client';
import type { EventRecord, TelemetryPoint } from '../../ports/records.js';
import type { KpiRow, RiskPoint } from '../../ports/telemetry-store.port.js';

/**
 * The platform's InfluxDB schema (docs/influxdb.md). Timestamps in milliseconds.
 *
 * - `telemetry`: tags `device`, `metric`, `kind` (gauge | counter); field `value` (float).
 *   A point is identified by device, metric and time: writing it again overwrites it.
 * - `events`: tags `device`, `type`, `code`, `component` (the last two absent when empty);
 *   fields `severity`, `visit_id`, `note` (strings, when present) and `n` (1, so every event
 *   has a field).
 * - `kpi_daily`: tags `scope`, `scope_id`; one point per UTC day that has facts (fleet and model:
 *   every day); float fields: the daily totals (the base fields always, zeros included, and
 *   `in_service_ms`, `down_ms` on fleet and model rows), and `fields_json`, the exact row with
 *   its facts by hour (`failures@08`), which is what the service reads.
 *
 * - `risk`: tags `device`, `component`; one point per scoring (docs/predictions.md, "Risk
 *   series"); float fields `p7d`, `p14d`, `p30d` (the probability of failure within each
 *   configured horizon, named by its days), `alert` (1 raised, 0 not), `remaining_days` and
 *   `remaining_usage` (absent when they cannot be told).
 *
 * Tag values are bounded: devices (the fleet), metric names (the contract), event types,
 * fault codes and components (the models' tables), scopes. Free text is in fields.
 */
export const MEASUREMENT = {
  telemetry: 'telemetry',
  events: 'events',
  kpi: 'kpi_daily',
  risk: 'risk',
} as const;

/** The risk field of a horizon: `p7d`. */
export const riskField = (horizonDays: number): string => `p${horizonDays}d`;
export const RISK_FIELD_PATTERN = /^p(\d+)d$/;

/** Ledger totals written even when zero, so a dashboard sums them without gaps. */
export const KPI_BASE_FIELDS = [
  'in_service_ms',
  'down_ms',
  'failures',
  'repairs',
  'downtime_sum_ms',
  'arrivals',
  'response_sum_ms',
  'repair_sum_ms',
  'service_calls',
  'usage',
] as const;

const tag = (key: string, value: string | undefined): string =>
  value === undefined || value === '' ? '' : `,${key}=${escape.tag(value)}`;

/** Line protocol wants a float written so that it is never read as an integer. */
const float = (v: number): string => String(v);

export function telemetryLine(p: TelemetryPoint): string {
  return `${MEASUREMENT.telemetry}${tag('device', p.deviceId)}${tag('kind', p.kind)}${tag('metric', p.metric)} value=${float(p.value)} ${p.ts}`;
}

export function eventLine(e: EventRecord): string {
  const fields = ['n=1i'];
  if (e.note !== undefined) fields.push(`note=${escape.quoted(e.note)}`);
  if (e.severity !== undefined) fields.push(`severity=${escape.quoted(e.severity)}`);
  if (e.visitId !== undefined) fields.push(`visit_id=${escape.quoted(e.visitId)}`);
  return `${MEASUREMENT.events}${tag('code', e.code)}${tag('component', e.component)}${tag('device', e.deviceId)}${tag('type', e.type)} ${fields.join(',')} ${e.ts}`;
}

export function kpiLine(r: KpiRow): string {
  const values: Record<string, number> = {};
  for (const f of KPI_BASE_FIELDS) values[f] = 0;
  // hourly facts stay in fields_json: numeric fields are the daily totals dashboards sum
  for (const k in r.fields) if (!k.includes('@')) values[k] = r.fields[k];
  const fields = Object.keys(values)
    .sort()
    .map((k) => `${escape.tag(k)}=${float(values[k])}`);
  fields.push(`fields_json=${escape.quoted(JSON.stringify(r.fields))}`);
  return `${MEASUREMENT.kpi}${tag('scope', r.scope)}${tag('scope_id', r.scopeId)} ${fields.join(',')} ${r.day}`;
}

export function riskLine(r: RiskPoint): string {
  const fields = r.probabilities.map((p) => `${riskField(p.horizonDays)}=${float(p.probability)}`);
  fields.push(`alert=${r.alert ? 1 : 0}`);
  if (r.remainingDays !== null && Number.isFinite(r.remainingDays))
    fields.push(`remaining_days=${float(r.remainingDays)}`);
  if (r.remainingUsage !== null && Number.isFinite(r.remainingUsage))
    fields.push(`remaining_usage=${float(r.remainingUsage)}`);
  return `${MEASUREMENT.risk}${tag('component', r.component)}${tag('device', r.deviceId)} ${fields.join(',')} ${r.ts}`;
}

/** InfluxQL string literal. */
export const literal = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** InfluxQL regular expression matching exactly one of the values. */
export function oneOf(values: readonly string[]): string {
  const alternatives = values.map((v) => v.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
  return `/^(?:${alternatives.join('|')})$/`;
}

/** Oldest timestamp of a batch of lines (the last field of each line). */
export function oldestTimestamp(lines: readonly string[]): number | null {
  let oldest: number | null = null;
  for (const line of lines) {
    const ts = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(ts)) oldest = oldest === null ? ts : Math.min(oldest, ts);
  }
  return oldest;
}
