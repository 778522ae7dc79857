import { Ajv, type ValidateFunction } from 'ajv';
import {
  EVENT_TYPES,
  FAULT_SEVERITIES,
  METRIC_NAME_PATTERN,
  RFC3339_PATTERN,
  deviceEventSchema,
  type DeviceEvent,
  type DeviceEventType,
  type FaultSeverity,
} from '../contract/index.js';
import type { EventRecord, MetricKind, TelemetryPoint } from '../ports/records.js';

/**
 * How the columns of a field-service export map onto events and telemetry. Each
 * CSV row gives at most one event and any number of telemetry points.
 */
export interface HistoryMapping {
  columns: {
    /** Column holding the device id (as registered). */
    device: string;
    /** Column holding the time: RFC 3339, `YYYY-MM-DD[ HH:mm[:ss]]` (read as UTC), or epoch ms. */
    time: string;
    /** Column holding the event type; rows with an empty cell carry telemetry only. */
    type?: string;
    code?: string;
    component?: string;
    severity?: string;
    visit?: string;
    note?: string;
  };
  /** Type cell → event type, or `ignore` to skip the row's event. Unmapped cells must be event types. */
  types?: Record<string, DeviceEventType | 'ignore'>;
  /** Severity cell → severity. */
  severities?: Record<string, FaultSeverity>;
  /** Used when a cell is empty or the column is not mapped. */
  defaults?: { type?: DeviceEventType; severity?: FaultSeverity; code?: string };
  /** Telemetry columns: column → metric name and kind. */
  metrics?: Record<string, { metric: string; kind: MetricKind }>;
  /** `epoch-s` when numeric times are in seconds; default `auto` (numbers are ms). */
  timeFormat?: 'auto' | 'epoch-ms' | 'epoch-s';
}

const COLUMN = { type: 'string', minLength: 1, maxLength: 200 };

export const historyMappingSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['columns'],
  properties: {
    columns: {
      type: 'object',
      additionalProperties: false,
      required: ['device', 'time'],
      properties: {
        device: COLUMN,
        time: COLUMN,
        type: COLUMN,
        code: COLUMN,
        component: COLUMN,
        severity: COLUMN,
        visit: COLUMN,
        note: COLUMN,
      },
    },
    types: { type: 'object', additionalProperties: { enum: [...EVENT_TYPES, 'ignore'] } },
    severities: { type: 'object', additionalProperties: { enum: FAULT_SEVERITIES } },
    defaults: {
      type: 'object',
      additionalProperties: false,
      properties: {
        type: { enum: EVENT_TYPES },
        severity: { enum: FAULT_SEVERITIES },
        code: { type: 'string', minLength: 1, maxLength: 32 },
      },
    },
    metrics: {
      type: 'object',
      maxProperties: 200,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['metric', 'kind'],
        properties: {
          metric: { type: 'string', pattern: METRIC_NAME_PATTERN, maxLength: 64 },
          kind: { enum: ['counter', 'gauge'] },
        },
      },
    },
    timeFormat: { enum: ['auto', 'epoch-ms', 'epoch-s'] },
  },
} as const;

export type RowOutcome =
  | { ok: true; deviceId: string; ts: number; points: TelemetryPoint[]; event: EventRecord | null }
  | { ok: false; deviceId?: string; reason: string };

const RFC3339 = new RegExp(RFC3339_PATTERN);
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?$/;

/**
 * Turns CSV rows into events and points under a mapping. Pure; the service checks
 * that devices are registered and writes.
 */
export class HistoryRowMapper {
  private readonly validateEvent: ValidateFunction<DeviceEvent>;

  constructor(
    private readonly mapping: HistoryMapping,
    private readonly maxTs: number,
  ) {
    const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true });
    this.validateEvent = ajv.compile<DeviceEvent>(deviceEventSchema);
  }

  /** Problems with the mapping against the file's header; empty when it fits. */
  static headerProblems(mapping: HistoryMapping, header: readonly string[]): string[] {
    const have = new Set(header);
    const wanted = [
      ...Object.values(mapping.columns).filter((c): c is string => typeof c === 'string'),
      ...Object.keys(mapping.metrics ?? {}),
    ];
    return wanted.filter((c) => !have.has(c)).map((c) => `column "${c}" is not in the header`);
  }

  map(fields: Record<string, string>): RowOutcome {
    const c = this.mapping.columns;
    const deviceId = fields[c.device] ?? '';
    if (!deviceId) return { ok: false, reason: `no device in column "${c.device}"` };
    const ts = this.parseTime(fields[c.time] ?? '');
    if (ts === null)
      return { ok: false, deviceId, reason: `time "${fields[c.time] ?? ''}" is not a date I can read` };
    if (ts > this.maxTs)
      return { ok: false, deviceId, reason: `time ${new Date(ts).toISOString()} is in the future` };

    const points: TelemetryPoint[] = [];
    for (const [column, { metric, kind }] of Object.entries(this.mapping.metrics ?? {})) {
      const cell = fields[column] ?? '';
      if (cell === '') continue;
      const value = Number(cell);
      if (!Number.isFinite(value))
        return { ok: false, deviceId, reason: `"${cell}" in column "${column}" is not a number` };
      points.push({ deviceId, metric, kind, ts, value });
    }

    const event = this.event(fields, deviceId, ts);
    if (typeof event === 'string') return { ok: false, deviceId, reason: event };
    if (!event && !points.length)
      return { ok: false, deviceId, reason: 'no event type and no telemetry in this row' };
    return { ok: true, deviceId, ts, points, event };
  }

  private event(fields: Record<string, string>, deviceId: string, ts: number): EventRecord | null | string {
    const m = this.mapping;
    const c = m.columns;
    const cell = (name: string | undefined): string | undefined =>
      name ? fields[name] || undefined : undefined;
    const typeCell = cell(c.type);
    const mapped = typeCell === undefined ? m.defaults?.type : (m.types?.[typeCell] ?? typeCell);
    if (mapped === undefined || mapped === 'ignore') return null;
    if (!(EVENT_TYPES as readonly string[]).includes(mapped))
      return `event type "${typeCell}" is not mapped (add it to "types") and is not one of ${EVENT_TYPES.join(', ')}`;
    const type = mapped as DeviceEventType;
    const component = cell(c.component);
    const severityCell = cell(c.severity);
    const severity =
      severityCell !== undefined ? (m.severities?.[severityCell] ?? severityCell) : m.defaults?.severity;
    // a fault without a code is matched raise-to-clear by its component
    const code = cell(c.code) ?? m.defaults?.code ?? (type.startsWith('fault.') ? component : undefined);
    const event: DeviceEvent = { ts, type };
    if (code !== undefined) event.code = code;
    if (component !== undefined) event.component = component;
    if (severity !== undefined && type === 'fault.raised') event.severity = severity as FaultSeverity;
    const visit = cell(c.visit);
    if (visit !== undefined) event.visitId = visit;
    const note = cell(c.note);
    if (note !== undefined) event.note = note;
    if (!this.validateEvent(event)) {
      const e = this.validateEvent.errors?.[0];
      const at = e?.instancePath ? e.instancePath.slice(1) : 'event';
      const missing = (e?.params as { missingProperty?: string } | undefined)?.missingProperty;
      return missing
        ? `${type} needs a ${missing} (map a column or set a default)`
        : `${at}: ${e?.message ?? 'invalid'}`;
    }
    return { ...event, ts, deviceId };
  }

  private parseTime(raw: string): number | null {
    if (raw === '') return null;
    if (/^-?\d+(\.\d+)?$/.test(raw)) {
      const n = Number(raw);
      return this.mapping.timeFormat === 'epoch-s' ? Math.round(n * 1000) : Math.round(n);
    }
    const local = LOCAL_TIME.exec(raw);
    if (!local && !RFC3339.test(raw)) return null;
    const ms = local ? Date.parse(`${local[1]}T${local[2] ?? '00:00'}Z`) : Date.parse(raw);
    return Number.isFinite(ms) ? ms : null;
  }
}
