import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { TIME_FORMATS, missingColumns, readTimeCell, type TimeFormat } from '../common/column-mapping.js';
import {
  EVENT_TYPES,
  FAULT_SEVERITIES,
  METRIC_NAME_PATTERN,
  deviceEventSchema,
  type DeviceEvent,
  type DeviceEventType,
  type FaultSeverity,
} from '../contract/index.js';
import type { EventRecord, MetricKind, TelemetryPoint } from '../ports/records.js';

/** Units of a duration column. */
export const DURATION_UNITS = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/**
 * One event every row makes (the `events` list of a mapping): several per row,
 * e.g. a failures file whose rows mean "failed, and restored by then".
 */
export interface HistoryEventTemplate {
  type: DeviceEventType;
  /** When: the row's time (default), or its restore time (`columns.restored`, or time + `columns.duration`). */
  at?: 'time' | 'restored';
  /** Only when this column's cell is not empty (a part.replaced only when a part was fitted). */
  when?: string;
  /** Column holding this event's component (default `columns.component`). */
  component?: string;
  /** Severity of a fault.raised (default: the severity column, then `defaults.severity`). */
  severity?: FaultSeverity;
}

/**
 * How the columns of a field-service export map onto events and telemetry.
 * Documented in docs/history-import.md.
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
    /** Time service was restored: a failure row also makes its fault.cleared then. */
    restored?: string;
    /** How long the failure lasted, in `durationUnit`: restored = time + duration. */
    duration?: string;
  };
  /** Type cell → event type, or `ignore` to skip the row's event. Unmapped cells must be event types. */
  types?: Record<string, DeviceEventType | 'ignore'>;
  /** Severity cell → severity. */
  severities?: Record<string, FaultSeverity>;
  /** Used when a cell is empty or the column is not mapped; `type` when a file holds one kind of record. */
  defaults?: { type?: DeviceEventType; severity?: FaultSeverity; code?: string; component?: string };
  /** Unit of `columns.duration`; default `h`. */
  durationUnit?: DurationUnit;
  /** The events every row makes, instead of one event from the type column. */
  events?: HistoryEventTemplate[];
  /** Telemetry columns: column → metric name and kind. */
  metrics?: Record<string, { metric: string; kind: MetricKind }>;
  /** `epoch-s` when numeric times are in seconds; default `auto` (numbers are ms). */
  timeFormat?: TimeFormat;
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
        restored: COLUMN,
        duration: COLUMN,
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
        component: { type: 'string', minLength: 1, maxLength: 64 },
      },
    },
    durationUnit: { enum: Object.keys(DURATION_UNITS) },
    events: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['type'],
        properties: {
          type: { enum: EVENT_TYPES },
          at: { enum: ['time', 'restored'] },
          when: COLUMN,
          component: COLUMN,
          severity: { enum: FAULT_SEVERITIES },
        },
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
    timeFormat: { enum: TIME_FORMATS },
  },
} as const;

export type RowOutcome =
  | { ok: true; deviceId: string; ts: number; points: TelemetryPoint[]; events: EventRecord[] }
  | { ok: false; deviceId?: string; reason: string };

/** Where an event's value came from, to name it in an error: a column, or the mapping itself. */
type Source = { column: string; cell: string; asComponent?: boolean } | { setting: string };

/** What the contract allows in words, for the fields a cell can fill. */
const ALLOWED: Record<string, string> = {
  code: 'letters, digits and _ . : / - (no spaces), starting with a letter or digit, at most 32 characters',
  component:
    'letters, digits and _ . : / - (no spaces), starting with a letter or digit, at most 64 characters',
  visitId: 'at most 64 characters',
  note: 'at most 500 characters',
};
const FIELD_WORD: Record<string, string> = {
  code: 'fault code',
  component: 'component',
  severity: 'severity',
  visitId: 'visit',
  note: 'note',
};

/**
 * Problems with a mapping that its JSON Schema cannot see: settings that
 * contradict each other. Empty when it is sound.
 */
export function mappingProblems(m: HistoryMapping): string[] {
  const problems: string[] = [];
  if (m.events) {
    if (m.columns.type) problems.push('events lists what every row makes: drop columns.type, or drop events');
    if (m.defaults?.type)
      problems.push('events lists what every row makes: drop defaults.type, or drop events');
    if (m.events.some((t) => t.at === 'restored') && !m.columns.restored && !m.columns.duration)
      problems.push('an event at "restored" needs columns.restored or columns.duration');
  }
  if (m.columns.restored && m.columns.duration)
    problems.push('map columns.restored or columns.duration, not both');
  return problems;
}

/**
 * Turns CSV rows into events and points under a mapping. Pure; the service checks
 * devices and components against the registry and writes. Errors name the file's
 * columns and cells, not our field names.
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
    return missingColumns(
      [
        ...Object.values(mapping.columns).filter((c): c is string => typeof c === 'string'),
        ...Object.keys(mapping.metrics ?? {}),
        ...(mapping.events ?? []).flatMap((t) => [t.when, t.component].filter((c): c is string => !!c)),
      ],
      header,
    );
  }

  map(fields: Record<string, string>): RowOutcome {
    const c = this.mapping.columns;
    const deviceId = fields[c.device] ?? '';
    if (!deviceId)
      return { ok: false, reason: `the "${c.device}" cell is empty: every row needs its device` };
    const ts = this.time(fields, c.time);
    if (typeof ts === 'string') return { ok: false, deviceId, reason: ts };

    const points: TelemetryPoint[] = [];
    for (const [column, { metric, kind }] of Object.entries(this.mapping.metrics ?? {})) {
      const cell = fields[column] ?? '';
      if (cell === '') continue;
      const value = Number(cell);
      if (!Number.isFinite(value))
        return { ok: false, deviceId, reason: `"${cell}" in column "${column}" is not a number` };
      points.push({ deviceId, metric, kind, ts, value });
    }

    const restored = this.restored(fields, ts);
    if (typeof restored === 'string') return { ok: false, deviceId, reason: restored };
    const events = this.events(fields, deviceId, ts, restored);
    if (typeof events === 'string') return { ok: false, deviceId, reason: events };
    if (!events.length && !points.length)
      return { ok: false, deviceId, reason: 'no event type and no telemetry in this row' };
    return { ok: true, deviceId, ts, points, events };
  }

  private time(fields: Record<string, string>, column: string): number | string {
    const raw = fields[column] ?? '';
    if (raw === '') return `the "${column}" cell is empty: every row needs its time`;
    const ms = readTimeCell(raw, column, this.mapping.timeFormat);
    if (typeof ms === 'string') return ms;
    if (ms > this.maxTs) return `"${raw}" in column "${column}" is in the future`;
    return ms;
  }

  /** The restore time of the row; null when it has none. */
  private restored(fields: Record<string, string>, ts: number): number | null | string {
    const c = this.mapping.columns;
    let at: number;
    if (c.restored) {
      if (!fields[c.restored]) return null;
      const t = this.time(fields, c.restored);
      if (typeof t === 'string') return t;
      at = t;
    } else if (c.duration) {
      const cell = fields[c.duration] ?? '';
      if (cell === '') return null;
      const unit = this.mapping.durationUnit ?? 'h';
      const n = Number(cell);
      if (!Number.isFinite(n) || n < 0)
        return `"${cell}" in column "${c.duration}" is not a duration (a number of ${unit}, 0 or more)`;
      at = ts + Math.round(n * DURATION_UNITS[unit]);
    } else return null;
    if (at < ts)
      return `restored (${new Date(at).toISOString()}) before it failed (${new Date(ts).toISOString()})`;
    return at;
  }

  private events(
    fields: Record<string, string>,
    deviceId: string,
    ts: number,
    restored: number | null,
  ): EventRecord[] | string {
    const m = this.mapping;
    const out: EventRecord[] = [];
    const make = (template: HistoryEventTemplate, at: number): string | null => {
      const e = this.event(fields, deviceId, at, template);
      if (typeof e === 'string') return e;
      out.push(e);
      return null;
    };
    if (m.events) {
      for (const t of m.events) {
        if (t.when && !fields[t.when]) continue;
        const at = t.at === 'restored' ? restored : ts;
        // a failure not restored yet has no restore events
        if (at === null) continue;
        const problem = make(t, at);
        if (problem) return problem;
      }
      return out;
    }
    const typeCell = m.columns.type ? fields[m.columns.type] || undefined : undefined;
    const mapped = typeCell === undefined ? m.defaults?.type : (m.types?.[typeCell] ?? typeCell);
    if (mapped === undefined || mapped === 'ignore') return out;
    if (!(EVENT_TYPES as readonly string[]).includes(mapped))
      return `"${typeCell}" in column "${m.columns.type}" is not mapped to an event type: add it to "types" (or map it to "ignore"); the event types are ${EVENT_TYPES.join(', ')}`;
    const type = mapped as DeviceEventType;
    const problem = make({ type }, ts);
    if (problem) return problem;
    // a failure restored on the same row: its clear too
    if (type === 'fault.raised' && restored !== null) {
      const clear = make({ type: 'fault.cleared' }, restored);
      if (clear) return clear;
    }
    return out;
  }

  private event(
    fields: Record<string, string>,
    deviceId: string,
    ts: number,
    t: HistoryEventTemplate,
  ): EventRecord | string {
    const m = this.mapping;
    const c = m.columns;
    const sources: Partial<Record<keyof DeviceEvent, Source>> = {};
    const take = (
      field: keyof DeviceEvent,
      column: string | undefined,
      fallback?: [string, string | undefined],
    ): string | undefined => {
      const cell = column ? fields[column] : undefined;
      if (column && cell) {
        sources[field] = { column, cell };
        return cell;
      }
      if (fallback?.[1] !== undefined) {
        sources[field] = { setting: fallback[0] };
        return fallback[1];
      }
      return undefined;
    };
    const type = t.type;
    const component = take('component', t.component ?? c.component, [
      'defaults.component',
      m.defaults?.component,
    ]);
    // a fault without a code is matched raise-to-clear by its component
    let code = take('code', c.code, ['defaults.code', m.defaults?.code]);
    if (code === undefined && type.startsWith('fault.') && component !== undefined) {
      code = component;
      sources.code = sources.component && { ...sources.component, asComponent: true };
    }
    const event: DeviceEvent = { ts, type };
    if (code !== undefined) event.code = code;
    if (component !== undefined) event.component = component;
    if (type === 'fault.raised') {
      const cell = take('severity', c.severity);
      if (cell !== undefined) {
        const severity = m.severities?.[cell] ?? cell;
        if (!(FAULT_SEVERITIES as readonly string[]).includes(severity))
          return `"${cell}" in column "${c.severity}" is not a severity: add it to "severities", or use ${FAULT_SEVERITIES.join(', ')}`;
        event.severity = severity as FaultSeverity;
      } else {
        const fixed = t.severity ?? m.defaults?.severity;
        if (fixed !== undefined) event.severity = fixed;
      }
    }
    const visit = take('visitId', c.visit);
    if (visit !== undefined) event.visitId = visit;
    const note = take('note', c.note);
    if (note !== undefined) event.note = note;
    if (!this.validateEvent(event)) return this.explain(type, this.validateEvent.errors?.[0], sources, t);
    return { ...event, ts, deviceId };
  }

  /** A contract violation in the user's words: which column, which cell, what is allowed. */
  private explain(
    type: DeviceEventType,
    error: ErrorObject | undefined,
    sources: Partial<Record<keyof DeviceEvent, Source>>,
    t: HistoryEventTemplate,
  ): string {
    const c = this.mapping.columns;
    const missing = (error?.params as { missingProperty?: string } | undefined)?.missingProperty;
    if (missing) {
      const word = FIELD_WORD[missing] ?? missing;
      const columns =
        missing === 'code'
          ? [c.code, type.startsWith('fault.') ? (t.component ?? c.component) : undefined]
          : missing === 'component'
            ? [t.component ?? c.component]
            : missing === 'severity'
              ? [c.severity]
              : [];
      const named = columns.filter((x): x is string => !!x);
      const settings =
        missing === 'severity'
          ? 'defaults.severity'
          : missing === 'code'
            ? 'defaults.code'
            : 'defaults.component';
      if (!named.length)
        return `${type} needs a ${word}: map a column for it, or set ${settings} in the mapping`;
      const cells = named.map((n) => `"${n}"`).join(' and ');
      return `the ${cells} cell${named.length > 1 ? 's are' : ' is'} empty: ${type} needs a ${word}`;
    }
    const field = (error?.instancePath ?? '').slice(1) as keyof DeviceEvent;
    const source = sources[field];
    // a code taken from the component column is, to the user, a component
    const as = source && 'column' in source && source.asComponent ? 'component' : field;
    const word = FIELD_WORD[as] ?? as;
    const allowed = ALLOWED[as] ? `: ${ALLOWED[as]}` : '';
    if (source && 'column' in source)
      return `"${source.cell}" in column "${source.column}" is not a valid ${word}${allowed}`;
    if (source) return `${source.setting} is not a valid ${word}${allowed}`;
    return `${type}: ${error?.message ?? 'invalid'}`;
  }
}
