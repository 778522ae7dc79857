import type { Outage } from './kpi-ledger.js';

/** A device's outage, as stored. */
export interface DeviceOutage extends Outage {
  deviceId: string;
}

/** New outages of a device from a time on (see `KpiOutageRepository.replaceFrom`). */
export interface OutageChange {
  deviceId: string;
  from: number;
  /** Within [from, ∞), disjoint. */
  outages: readonly Outage[];
}

/**
 * The intervals each device was down (its episodes merged), which the KPI ledger
 * computes and KPI queries clip to their windows: down time is not stored per day.
 * Implemented on the registry's SQLite file (`infrastructure/sqlite`); simple to move.
 */
export interface KpiOutageRepository {
  /**
   * For each change, in one transaction: the device's outages before `from` are kept
   * (one running past it is cut at `from`), those after are replaced by the given ones.
   */
  replaceFrom(changes: readonly OutageChange[]): Promise<void>;
  /** Outages that overlap [from, to), of these devices (every device when absent). */
  overlapping(query: { from: number; to: number; deviceIds?: readonly string[] }): Promise<DeviceOutage[]>;
  /** Forgets every outage (a rebuild). */
  clear(): Promise<void>;
}

export const KPI_OUTAGE_REPOSITORY = Symbol('KpiOutageRepository');
