import { openSqlite, type SqliteDatabase } from './sqlite-database.js';

/** Schema of the registry file: operational records (devices seen, dead letters, the fleet registry). */
const MIGRATIONS = [
  `CREATE TABLE devices_seen (
     device_id TEXT PRIMARY KEY,
     first_seen INTEGER NOT NULL,
     last_seen INTEGER NOT NULL,
     online INTEGER,
     status_changed_at INTEGER,
     model TEXT,
     firmware TEXT,
     serial TEXT
   );
   CREATE TABLE dead_letters (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     received_at INTEGER NOT NULL,
     reason TEXT NOT NULL,
     detail TEXT NOT NULL,
     topic TEXT NOT NULL,
     device_id TEXT,
     payload TEXT NOT NULL,
     payload_bytes INTEGER NOT NULL
   );
   CREATE INDEX dead_letters_by_reason ON dead_letters (reason, id);
   CREATE INDEX dead_letters_by_device ON dead_letters (device_id, id);`,
  // the fleet registry: whole records as JSON documents, references as real foreign keys
  `CREATE TABLE customers (
     id TEXT PRIMARY KEY,
     doc TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE sites (
     id TEXT PRIMARY KEY,
     customer_id TEXT NOT NULL REFERENCES customers (id),
     doc TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX sites_by_customer ON sites (customer_id);
   CREATE TABLE models (
     id TEXT PRIMARY KEY,
     doc TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE devices (
     id TEXT PRIMARY KEY,
     model_id TEXT NOT NULL REFERENCES models (id),
     site_id TEXT REFERENCES sites (id),
     doc TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX devices_by_model ON devices (model_id);
   CREATE INDEX devices_by_site ON devices (site_id);`,
  // bookkeeping of the incremental KPI computation
  `CREATE TABLE kpi_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE kpi_dirty (device_id TEXT PRIMARY KEY, from_ts INTEGER NOT NULL);
   CREATE TABLE kpi_devices (device_id TEXT PRIMARY KEY, scope_key TEXT NOT NULL, open_since INTEGER);`,
  // presence: the reporting interval a device declares in its birth
  `ALTER TABLE devices_seen ADD COLUMN reporting_interval_ms INTEGER;`,
  // the KPI ledger keeps facts by hour and outages as intervals (docs/kpis.md): rebuilt at the next run
  `DELETE FROM kpi_state;
   DELETE FROM kpi_devices;
   ALTER TABLE kpi_devices DROP COLUMN open_since;
   ALTER TABLE kpi_devices ADD COLUMN carry TEXT;
   CREATE TABLE kpi_outages (
     device_id TEXT NOT NULL,
     start INTEGER NOT NULL,
     end_ts INTEGER NOT NULL,
     PRIMARY KEY (device_id, start)
   ) WITHOUT ROWID;
   CREATE INDEX kpi_outages_by_end ON kpi_outages (end_ts, start);`,
];

export function openRegistryDatabase(file: string): SqliteDatabase {
  const db = openSqlite(file, MIGRATIONS);
  db.pragma('foreign_keys = ON');
  return db;
}
