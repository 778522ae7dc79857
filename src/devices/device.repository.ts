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
  /** How often the device said (in its birth) it reports; null: PRESENCE_DEFAULT_INTERVAL_MS applies. */
  reportingIntervalMs: number | null;
  /** In the fleet registry; false: an unknown device, seen on MQTT but not registered. */
  registered: boolean;
}

/** What this feature keeps of a device: everything but whether it is registered (the registry's). */
export type DeviceSighting = Omit<DeviceSeen, 'registered'>;

export interface DeviceListQuery {
  limit: number;
  /** Paging cursor: devices with ids after this one. */
  after?: string;
  online?: boolean;
}

/** Devices seen on MQTT, with their connection state. */
export interface DeviceRepository {
  /**
   * Records that each device sent something at the given time (batched by the caller).
   * Data is a sign of life: a device offline (or never told) before that time is online again.
   */
  touch(lastSeen: ReadonlyMap<string, number>): Promise<void>;
  applyStatus(update: StatusUpdate): Promise<void>;
  /**
   * Marks devices offline that went silent (presence sweep), unless a message came
   * after `lastSeen` meanwhile. Returns the ids it changed.
   */
  markSilent(devices: ReadonlyArray<{ deviceId: string; lastSeen: number; at: number }>): Promise<string[]>;
  get(deviceId: string): Promise<DeviceSighting | null>;
  /** By device id. */
  list(query: DeviceListQuery): Promise<DeviceSighting[]>;
  /**
   * Writes devices as given (the upgrade from registry.sqlite). A device known already
   * keeps its earliest first and latest last sighting and its latest status.
   */
  restore(devices: readonly DeviceSighting[]): Promise<void>;
}

export const DEVICE_REPOSITORY = Symbol('DeviceRepository');
