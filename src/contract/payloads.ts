/**
 * Payloads of contract v1, as TypeScript types and as JSON Schemas (draft-07) that
 * the ingest service compiles once. Firmware in other languages reads the schemas
 * in `docs/mqtt-contract.md`, which describes the same thing.
 */

/** Timestamps: milliseconds since the Unix epoch, or an RFC 3339 string. */
export type DeviceTimestamp = number | string;

export interface TelemetrySample {
  ts: DeviceTimestamp;
  /** Instantaneous readings: temperatures, toner level, current. */
  gauges?: Record<string, number>;
  /** Monotonically increasing totals: page counts, run hours. A drop means a reset. */
  counters?: Record<string, number>;
  /** Optional; when present it must equal the device id of the topic. */
  deviceId?: string;
}

export const EVENT_TYPES = [
  'fault.raised',
  'fault.cleared',
  'service.started',
  'service.finished',
  'part.replaced',
  'pm.done',
  'consumable.replaced',
] as const;
export type DeviceEventType = (typeof EVENT_TYPES)[number];

export const FAULT_SEVERITIES = ['minor', 'major', 'machine-down'] as const;
export type FaultSeverity = (typeof FAULT_SEVERITIES)[number];

export interface DeviceEvent {
  ts: DeviceTimestamp;
  type: DeviceEventType;
  /** Fault code from the model's fault table; required for fault.* events. */
  code?: string;
  /** Component or consumable concerned: `fuser`, `pickup_roller`, `toner.black`. */
  component?: string;
  severity?: FaultSeverity;
  /** Service visit the event belongs to. */
  visitId?: string;
  note?: string;
  deviceId?: string;
}

export const DEVICE_STATES = ['online', 'offline'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export interface DeviceStatus {
  state: DeviceState;
  /** Required on birth (online); a last will has no time of its own. */
  ts?: DeviceTimestamp;
  model?: string;
  firmware?: string;
  serial?: string;
  /**
   * Birth: how often the device publishes telemetry, in ms. The platform marks it
   * offline after a few intervals without a message (PRESENCE_OFFLINE_AFTER_INTERVALS).
   */
  reportingIntervalMs?: number;
  deviceId?: string;
}

/** Limits every producer must respect; the service may be configured tighter. */
export const CONTRACT_LIMITS = {
  /** Bytes of one MQTT payload. */
  maxPayloadBytes: 256 * 1024,
  /** Samples or events in one batched array. */
  maxBatchItems: 1000,
  /** Gauges plus counters in one sample. */
  maxMetricsPerSample: 200,
} as const;

/** Metric names: lower case, dotted: `fuser.temp_c`, `pages.total`. */
export const METRIC_NAME_PATTERN = '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$';
/** RFC 3339 date-time with a zone: `2026-11-22T08:15:00Z`. */
export const RFC3339_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';
const NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:/-]*$';

const timestampSchema = {
  anyOf: [{ type: 'number' }, { type: 'string', pattern: RFC3339_PATTERN, maxLength: 40 }],
} as const;

const deviceIdSchema = { type: 'string', maxLength: 64 } as const;

const metricMapSchema = {
  type: 'object',
  maxProperties: CONTRACT_LIMITS.maxMetricsPerSample,
  propertyNames: { pattern: METRIC_NAME_PATTERN, maxLength: 64 },
  additionalProperties: { type: 'number' },
} as const;

export const telemetrySampleSchema = {
  $id: 'fleet/v1/telemetry-sample',
  type: 'object',
  required: ['ts'],
  additionalProperties: false,
  anyOf: [{ required: ['gauges'] }, { required: ['counters'] }],
  properties: {
    ts: timestampSchema,
    gauges: metricMapSchema,
    counters: metricMapSchema,
    deviceId: deviceIdSchema,
  },
} as const;

export const deviceEventSchema = {
  $id: 'fleet/v1/device-event',
  type: 'object',
  required: ['ts', 'type'],
  additionalProperties: false,
  properties: {
    ts: timestampSchema,
    type: { enum: EVENT_TYPES },
    code: { type: 'string', minLength: 1, maxLength: 32, pattern: NAME_PATTERN },
    component: { type: 'string', minLength: 1, maxLength: 64, pattern: NAME_PATTERN },
    severity: { enum: FAULT_SEVERITIES },
    visitId: { type: 'string', minLength: 1, maxLength: 64 },
    note: { type: 'string', maxLength: 500 },
    deviceId: deviceIdSchema,
  },
  allOf: [
    {
      if: { properties: { type: { enum: ['fault.raised', 'fault.cleared'] } } },
      then: { required: ['code'] },
    },
    {
      if: { properties: { type: { const: 'fault.raised' } } },
      then: { required: ['severity'] },
    },
    {
      if: { properties: { type: { enum: ['part.replaced', 'consumable.replaced'] } } },
      then: { required: ['component'] },
    },
  ],
} as const;

export const deviceStatusSchema = {
  $id: 'fleet/v1/device-status',
  type: 'object',
  required: ['state'],
  additionalProperties: false,
  properties: {
    state: { enum: DEVICE_STATES },
    ts: timestampSchema,
    model: { type: 'string', minLength: 1, maxLength: 64 },
    firmware: { type: 'string', minLength: 1, maxLength: 64 },
    serial: { type: 'string', minLength: 1, maxLength: 64 },
    reportingIntervalMs: { type: 'integer', minimum: 1000, maximum: 86_400_000 },
    deviceId: deviceIdSchema,
  },
  if: { properties: { state: { const: 'online' } } },
  then: { required: ['ts', 'model'] },
} as const;

/** Platform → device on `fleet/v1/{deviceId}/commands`: a maintenance action carried out on site. */
export interface MaintenanceCommand {
  /** Replace one component, or do a preventive-maintenance visit (replaces worn parts). */
  action: 'replace-part' | 'pm-visit';
  component?: string;
  /** The work order the action belongs to, echoed in the events it causes. */
  workOrderId?: string;
}

export const maintenanceCommandSchema = {
  $id: 'fleet/v1/maintenance-command',
  type: 'object',
  required: ['action'],
  additionalProperties: false,
  properties: {
    action: { enum: ['replace-part', 'pm-visit'] },
    component: { type: 'string', minLength: 1, maxLength: 64, pattern: NAME_PATTERN },
    workOrderId: { type: 'string', minLength: 1, maxLength: 64 },
  },
  if: { properties: { action: { const: 'replace-part' } } },
  then: { required: ['component'] },
} as const;
