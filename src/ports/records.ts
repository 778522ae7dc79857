import type { DeviceEventType, DeviceState, FaultSeverity } from '../contract/index.js';

/** Metric kinds. A counter only grows; a drop is a reset (part or board replaced). */
export type MetricKind = 'gauge' | 'counter';

/** One value of one metric of one device. A point is identified by (deviceId, metric, ts). */
export interface TelemetryPoint {
  deviceId: string;
  metric: string;
  kind: MetricKind;
  /** Device time, milliseconds since the epoch. */
  ts: number;
  value: number;
}

/**
 * A device event. Identified by (deviceId, type, code, component, ts): the same
 * event delivered twice is stored once.
 */
export interface EventRecord {
  deviceId: string;
  ts: number;
  type: DeviceEventType | DeviceConnectionEventType;
  code?: string;
  component?: string;
  severity?: FaultSeverity;
  visitId?: string;
  note?: string;
}

/** Connection changes, recorded from status messages (birth and last will). */
export type DeviceConnectionEventType = 'device.online' | 'device.offline';

export interface StatusUpdate {
  deviceId: string;
  state: DeviceState;
  /** Device time of the birth; the receive time for a last will. */
  ts: number;
  model?: string;
  firmware?: string;
  serial?: string;
  /** Declared in the birth: how often the device reports, ms. */
  reportingIntervalMs?: number;
}

export const DEAD_LETTER_REASONS = [
  'unknown_topic',
  'payload_too_large',
  'invalid_json',
  'schema_violation',
  'non_finite_number',
  'timestamp_out_of_range',
  'device_mismatch',
  'store_rejected',
  'internal_error',
] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

export interface DeadLetter {
  /** Receive time, milliseconds since the epoch. */
  receivedAt: number;
  reason: DeadLetterReason;
  /** Human-readable detail: which field, which limit. */
  detail: string;
  topic: string;
  deviceId?: string;
  /** The payload, truncated, as UTF-8 (invalid bytes replaced). */
  payload: string;
  payloadBytes: number;
  /** How many refused items this record stands for (lines of a batch a store refused); default 1. */
  items?: number;
}

export interface StoredDeadLetter extends DeadLetter {
  id: number;
}
