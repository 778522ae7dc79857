import { openSqlite, type SqliteDatabase } from './sqlite-database.js';

/** Schema of the registry file: operational records (devices seen, dead letters, later the fleet registry). */
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
];

export function openRegistryDatabase(file: string): SqliteDatabase {
  return openSqlite(file, MIGRATIONS);
}
