import type { FeatureMigrations } from '../ports/records-database.port.js';

/**
 * Bookkeeping of the incremental KPI ledger (prefix `kpi_`): how far it has got,
 * devices to recompute (late data), what each device carries to the next run, and
 * each device's outages as intervals (`end_ts` 8.64e15: still down), refresh jobs asked for
 * over HTTP. The ledger's
 * facts themselves are time series, in the time-series store.
 */
export const RELIABILITY_MIGRATIONS: FeatureMigrations = {
  feature: 'reliability',
  migrations: [
    `CREATE TABLE kpi_state (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
     CREATE TABLE kpi_dirty (device_id TEXT COLLATE "C" PRIMARY KEY, from_ts BIGINT NOT NULL);
     CREATE TABLE kpi_devices (device_id TEXT COLLATE "C" PRIMARY KEY, scope_key TEXT NOT NULL, carry TEXT);
     CREATE TABLE kpi_outages (
       device_id TEXT COLLATE "C" NOT NULL,
       start BIGINT NOT NULL,
       end_ts BIGINT NOT NULL,
       PRIMARY KEY (device_id, start)
     );
     CREATE INDEX kpi_outages_by_end ON kpi_outages (end_ts, start);`,
    // refresh jobs asked for over HTTP: polled on any replica
    `CREATE TABLE kpi_refresh_jobs (
       job_id TEXT COLLATE "C" PRIMARY KEY,
       requested_at BIGINT NOT NULL,
       doc JSON NOT NULL
     );
     CREATE INDEX kpi_refresh_jobs_by_time ON kpi_refresh_jobs (requested_at);`,
  ],
};
