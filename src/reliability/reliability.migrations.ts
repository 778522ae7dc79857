import type { FeatureMigrations } from '../ports/records-database.port.js';

/**
 * Bookkeeping of the incremental KPI ledger (prefix `kpi_`): how far it has got,
 * devices to recompute (late data), each device's state between runs. The ledger
 * rows themselves are time series, in the time-series store.
 */
export const RELIABILITY_MIGRATIONS: FeatureMigrations = {
  feature: 'reliability',
  migrations: [
    `CREATE TABLE kpi_state (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
     CREATE TABLE kpi_dirty (device_id TEXT COLLATE "C" PRIMARY KEY, from_ts BIGINT NOT NULL);
     CREATE TABLE kpi_devices (device_id TEXT COLLATE "C" PRIMARY KEY, scope_key TEXT NOT NULL, open_since BIGINT);`,
  ],
};
