import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import {
  CONTRACT_LIMITS,
  deviceEventSchema,
  describeBadTopic,
  isCommandTopic,
  deviceStatusSchema,
  parseDeviceTopic,
  telemetrySampleSchema,
  type DeviceEvent,
  type DeviceStatus,
  type DeviceTimestamp,
  type MessageKind,
  type TelemetrySample,
} from '../contract/index.js';
import type {
  DeadLetter,
  DeadLetterReason,
  EventRecord,
  StatusUpdate,
  TelemetryPoint,
} from '../ports/records.js';

/** 2000-01-01T00:00:00Z: no fleet device reports earlier than this. */
export const EARLIEST_TIMESTAMP = Date.UTC(2000, 0, 1);

export interface DecoderLimits {
  maxPayloadBytes: number;
  maxBatchItems: number;
  /** How far ahead of the receive time a device clock may be, in milliseconds. */
  maxFutureSkewMs: number;
  /** Bytes of payload kept in a dead-letter record. */
  deadLetterPayloadBytes: number;
}

export const DEFAULT_DECODER_LIMITS: DecoderLimits = {
  maxPayloadBytes: CONTRACT_LIMITS.maxPayloadBytes,
  maxBatchItems: CONTRACT_LIMITS.maxBatchItems,
  maxFutureSkewMs: 15 * 60_000,
  deadLetterPayloadBytes: 1024,
};

/** What one MQTT message turned into. Good items are kept even when others in the batch are rejected. */
export interface DecodedMessage {
  /** Message kind from the topic; null for a malformed topic or a command. */
  kind: MessageKind | null;
  deviceId: string | null;
  points: TelemetryPoint[];
  events: EventRecord[];
  status: StatusUpdate | null;
  rejects: DeadLetter[];
}

type ItemResult<T> = { ok: true; value: T } | { ok: false; reason: DeadLetterReason; detail: string };

/**
 * Turns MQTT messages into records. Pure apart from the schema compilation done
 * once in the constructor; time is passed in.
 */
export class MessageDecoder {
  private readonly validateSample: ValidateFunction<TelemetrySample>;
  private readonly validateEvent: ValidateFunction<DeviceEvent>;
  private readonly validateStatus: ValidateFunction<DeviceStatus>;

  constructor(private readonly limits: DecoderLimits = DEFAULT_DECODER_LIMITS) {
    // strictNumbers off: non-finite numbers get their own reason below, not a schema error
    const ajv = new Ajv({ strict: true, strictRequired: false, strictNumbers: false, allowUnionTypes: true });
    this.validateSample = ajv.compile<TelemetrySample>(telemetrySampleSchema);
    this.validateEvent = ajv.compile<DeviceEvent>(deviceEventSchema);
    this.validateStatus = ajv.compile<DeviceStatus>(deviceStatusSchema);
  }

  decode(topic: string, payload: Buffer, receivedAt: number): DecodedMessage {
    const out: DecodedMessage = {
      kind: null,
      deviceId: null,
      points: [],
      events: [],
      status: null,
      rejects: [],
    };
    const reject = (reason: DeadLetterReason, detail: string): DecodedMessage => {
      out.rejects.push(this.deadLetter(topic, out.deviceId, payload, receivedAt, reason, detail));
      return out;
    };

    const parsed = parseDeviceTopic(topic);
    if (!parsed) {
      if (isCommandTopic(topic)) return out;
      const bad = describeBadTopic(topic);
      out.deviceId = bad.deviceId;
      return reject('unknown_topic', bad.problem);
    }
    out.deviceId = parsed.deviceId;
    out.kind = parsed.kind;

    if (payload.length > this.limits.maxPayloadBytes) {
      return reject('payload_too_large', `${payload.length} bytes > limit ${this.limits.maxPayloadBytes}`);
    }

    let body: unknown;
    try {
      body = JSON.parse(payload.toString('utf8'));
    } catch (err) {
      return reject('invalid_json', (err as Error).message.slice(0, 200));
    }

    if (parsed.kind === 'status') {
      const result = this.status(body, parsed.deviceId, receivedAt);
      if (result.ok) out.status = result.value;
      else reject(result.reason, result.detail);
      return out;
    }

    const items = Array.isArray(body) ? body : [body];
    if (items.length === 0) return reject('schema_violation', 'empty batch');
    if (items.length > this.limits.maxBatchItems) {
      return reject(
        'schema_violation',
        `batch of ${items.length} items > limit ${this.limits.maxBatchItems}`,
      );
    }
    const batched = Array.isArray(body);
    items.forEach((item, index) => {
      const where = batched ? `[${index}] ` : '';
      if (parsed.kind === 'telemetry') {
        const result = this.sample(item, parsed.deviceId, receivedAt);
        if (result.ok) out.points.push(...result.value);
        else reject(result.reason, where + result.detail);
      } else {
        const result = this.event(item, parsed.deviceId, receivedAt);
        if (result.ok) out.events.push(result.value);
        else reject(result.reason, where + result.detail);
      }
    });
    return out;
  }

  private sample(item: unknown, deviceId: string, receivedAt: number): ItemResult<TelemetryPoint[]> {
    if (!this.validateSample(item)) return schemaError(this.validateSample.errors, item);
    const owner = checkOwner(item.deviceId, deviceId);
    if (!owner.ok) return owner;
    const ts = this.timestamp(item.ts, receivedAt);
    if (!ts.ok) return ts;
    const points: TelemetryPoint[] = [];
    for (const [kind, values] of [
      ['gauge', item.gauges],
      ['counter', item.counters],
    ] as const) {
      if (!values) continue;
      for (const metric in values) {
        const value = values[metric];
        // JSON has no NaN, but 1e999 parses to Infinity
        if (!Number.isFinite(value)) {
          return { ok: false, reason: 'non_finite_number', detail: `${metric} is not a finite number` };
        }
        points.push({ deviceId, metric, kind, ts: ts.value, value });
      }
    }
    return { ok: true, value: points };
  }

  private event(item: unknown, deviceId: string, receivedAt: number): ItemResult<EventRecord> {
    if (!this.validateEvent(item)) return schemaError(this.validateEvent.errors, item);
    const owner = checkOwner(item.deviceId, deviceId);
    if (!owner.ok) return owner;
    const ts = this.timestamp(item.ts, receivedAt);
    if (!ts.ok) return ts;
    const record: EventRecord = { deviceId, ts: ts.value, type: item.type };
    if (item.code !== undefined) record.code = item.code;
    if (item.component !== undefined) record.component = item.component;
    if (item.severity !== undefined) record.severity = item.severity;
    if (item.visitId !== undefined) record.visitId = item.visitId;
    if (item.note !== undefined) record.note = item.note;
    return { ok: true, value: record };
  }

  private status(body: unknown, deviceId: string, receivedAt: number): ItemResult<StatusUpdate> {
    if (!this.validateStatus(body)) return schemaError(this.validateStatus.errors, body);
    const owner = checkOwner(body.deviceId, deviceId);
    if (!owner.ok) return owner;
    let ts = receivedAt;
    if (body.ts !== undefined) {
      const parsed = this.timestamp(body.ts, receivedAt);
      if (!parsed.ok) return parsed;
      ts = parsed.value;
    }
    const update: StatusUpdate = { deviceId, state: body.state, ts };
    if (body.model !== undefined) update.model = body.model;
    if (body.firmware !== undefined) update.firmware = body.firmware;
    if (body.serial !== undefined) update.serial = body.serial;
    if (body.reportingIntervalMs !== undefined) update.reportingIntervalMs = body.reportingIntervalMs;
    return { ok: true, value: update };
  }

  private timestamp(raw: DeviceTimestamp, receivedAt: number): ItemResult<number> {
    const ts = typeof raw === 'number' ? raw : Date.parse(raw);
    if (!Number.isFinite(ts)) {
      return { ok: false, reason: 'timestamp_out_of_range', detail: `ts ${String(raw)} is not a valid time` };
    }
    if (ts < EARLIEST_TIMESTAMP) {
      return {
        ok: false,
        reason: 'timestamp_out_of_range',
        detail: `ts ${String(raw)} is before 2000-01-01`,
      };
    }
    if (ts > receivedAt + this.limits.maxFutureSkewMs) {
      return {
        ok: false,
        reason: 'timestamp_out_of_range',
        detail: `ts ${String(raw)} is more than ${this.limits.maxFutureSkewMs} ms in the future`,
      };
    }
    return { ok: true, value: Math.trunc(ts) };
  }

  private deadLetter(
    topic: string,
    deviceId: string | null,
    payload: Buffer,
    receivedAt: number,
    reason: DeadLetterReason,
    detail: string,
  ): DeadLetter {
    const record: DeadLetter = {
      receivedAt,
      reason,
      detail,
      topic: topic.slice(0, 256),
      payload: payload.subarray(0, this.limits.deadLetterPayloadBytes).toString('utf8'),
      payloadBytes: payload.length,
    };
    if (deviceId) record.deviceId = deviceId;
    return record;
  }
}

function checkOwner(claimed: string | undefined, deviceId: string): ItemResult<true> {
  if (claimed === undefined || claimed === deviceId) return { ok: true, value: true };
  return {
    ok: false,
    reason: 'device_mismatch',
    detail: `payload deviceId ${claimed.slice(0, 64)} published on the topic of ${deviceId}`,
  };
}

function schemaError(
  errors: ErrorObject[] | null | undefined,
  item: unknown,
): {
  ok: false;
  reason: 'schema_violation';
  detail: string;
} {
  const first = errors?.[0];
  // the anyOf of a timestamp reports "must be number" first: say what is wrong with it instead
  if (first?.instancePath === '/ts')
    return { ok: false, reason: 'schema_violation', detail: timestampProblem((item as { ts: unknown }).ts) };
  const detail = first ? `${first.instancePath || '/'} ${first.message ?? 'is invalid'}` : 'invalid';
  return { ok: false, reason: 'schema_violation', detail };
}

const LOCAL_TIME_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Why a timestamp the schema refused is not one. */
export function timestampProblem(ts: unknown): string {
  if (typeof ts === 'string') {
    const shown = JSON.stringify(ts.slice(0, 40));
    if (LOCAL_TIME_RE.test(ts))
      return `/ts ${shown} has no time zone: add Z (UTC) or an offset such as +01:00`;
    return `/ts ${shown} is not an RFC 3339 time such as 2026-11-22T08:15:00Z`;
  }
  return `/ts must be epoch milliseconds (a number) or an RFC 3339 string, got ${ts === null ? 'null' : typeof ts}`;
}
