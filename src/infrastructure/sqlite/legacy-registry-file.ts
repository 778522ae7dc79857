import { existsSync, renameSync } from 'node:fs';
import { openSqlite, type SqliteDatabase } from './sqlite-database.js';

/**
 * Schema of `DATA_DIR/registry.sqlite`, where releases before the records database
 * kept the operational records (devices seen, dead letters, the fleet registry, KPI
 * state). Read once, to copy them into the records database on upgrade.
 */
export const LEGACY_REGISTRY_MIGRATIONS = [
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

/** `end_ts` of an outage still open. */
const OPEN_OUTAGE = 8_640_000_000_000_000;

export type LegacyRegistryTable = 'customers' | 'sites' | 'models' | 'devices';

export interface LegacyDeviceSeen {
  device_id: string;
  first_seen: number;
  last_seen: number;
  online: 0 | 1 | null;
  status_changed_at: number | null;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  reporting_interval_ms: number | null;
}

export interface LegacyDeadLetter {
  received_at: number;
  reason: string;
  detail: string;
  topic: string;
  device_id: string | null;
  payload: string;
  payload_bytes: number;
}

export interface LegacyKpiDevice {
  device_id: string;
  scope_key: string;
  carry: string | null;
}

export interface LegacyOutage {
  deviceId: string;
  start: number;
  /** Null: still down. */
  end: number | null;
}

/** An old registry file, its schema brought to the last version first (as the old service did). */
export class LegacyRegistryFile {
  private constructor(
    readonly file: string,
    private readonly db: SqliteDatabase,
  ) {}

  /** Null when there is no such file. */
  static open(file: string): LegacyRegistryFile | null {
    if (!existsSync(file)) return null;
    return new LegacyRegistryFile(file, openRegistryDatabase(file));
  }

  /** The records of one registry table as their JSON documents, by id. */
  documents(table: LegacyRegistryTable): IterableIterator<string> {
    return this.db
      .prepare(`SELECT doc FROM ${table} ORDER BY id`)
      .pluck()
      .iterate() as IterableIterator<string>;
  }

  devicesSeen(): IterableIterator<LegacyDeviceSeen> {
    return this.db
      .prepare('SELECT * FROM devices_seen ORDER BY device_id')
      .iterate() as IterableIterator<LegacyDeviceSeen>;
  }

  /** Oldest first. */
  deadLetters(): IterableIterator<LegacyDeadLetter> {
    return this.db
      .prepare(
        'SELECT received_at, reason, detail, topic, device_id, payload, payload_bytes FROM dead_letters ORDER BY id',
      )
      .iterate() as IterableIterator<LegacyDeadLetter>;
  }

  kpiWatermark(): number | null {
    const value = this.db.prepare(`SELECT value FROM kpi_state WHERE key = 'watermark'`).pluck().get() as
      string | undefined;
    return value === undefined ? null : Number(value);
  }

  kpiDirty(): Array<{ device_id: string; from_ts: number }> {
    return this.db.prepare('SELECT device_id, from_ts FROM kpi_dirty').all() as Array<{
      device_id: string;
      from_ts: number;
    }>;
  }

  kpiDevices(): LegacyKpiDevice[] {
    return this.db.prepare('SELECT device_id, scope_key, carry FROM kpi_devices').all() as LegacyKpiDevice[];
  }

  /** By device, then start. */
  kpiOutages(): LegacyOutage[] {
    const rows = this.db
      .prepare('SELECT device_id, start, end_ts FROM kpi_outages ORDER BY device_id, start')
      .all() as Array<{ device_id: string; start: number; end_ts: number }>;
    return rows.map((r) => ({
      deviceId: r.device_id,
      start: r.start,
      end: r.end_ts >= OPEN_OUTAGE ? null : r.end_ts,
    }));
  }

  /** Closes the file and renames it (`registry.sqlite.imported`, or with a time when taken): kept, not read again. */
  retire(now: Date = new Date()): string {
    // out of WAL mode: the renamed file is whole on its own
    this.db.pragma('journal_mode = DELETE');
    this.db.close();
    let target = `${this.file}.imported`;
    if (existsSync(target)) target = `${this.file}.imported-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(this.file, target);
    return target;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens the file with foreign keys on, its schema brought up to date. */
export function openRegistryDatabase(file: string): SqliteDatabase {
  const db = openSqlite(file, LEGACY_REGISTRY_MIGRATIONS);
  db.pragma('foreign_keys = ON');
  return db;
}
