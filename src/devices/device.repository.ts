import type { StatusUpdate } from '../ports/records.js';

export interface DeviceSeen {
  deviceId: string;
  firstSeen: number;
  lastSeen: number;
  /** Null until the device sent a birth or last will. */
  online: boolean | null;
  statusChangedAt: number | null;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  /** In the fleet registry; false: an unknown device, seen on MQTT but not registered. */
  registered: boolean;
}

export interface DeviceListQuery {
  limit: number;
  /** Paging cursor: devices with ids after this one. */
  after?: string;
  online?: boolean;
  registered?: boolean;
}

/** Devices seen on MQTT, with their connection state. */
export interface DeviceRepository {
  /** Records that each device sent something at the given time (batched by the caller). */
  touch(lastSeen: ReadonlyMap<string, number>): Promise<void>;
  applyStatus(update: StatusUpdate): Promise<void>;
  get(deviceId: string): Promise<DeviceSeen | null>;
  list(query: DeviceListQuery): Promise<DeviceSeen[]>;
}

export const DEVICE_REPOSITORY = Symbol('DeviceRepository');
