import { join } from 'node:path';
import { RECORDS_MIGRATIONS } from '../../src/app.module.js';
import { PgliteRecordsDatabase } from '../../src/infrastructure/records/pglite-records.database.js';
import { PostgresRecordsDatabase } from '../../src/infrastructure/records/postgres-records.database.js';
import { applyMigrations } from '../../src/infrastructure/records/records-migrator.js';
import type { RecordsDatabase } from '../../src/ports/records-database.port.js';
import { startPostgres, type Postgres } from './postgres.js';
import { tempDir } from './temp-dir.js';

/** Empties every table but the migrations' own: each contract test starts from an empty, migrated database. */
const EMPTY_ALL = `DO $$
DECLARE tables text;
BEGIN
  SELECT string_agg(format('%I', tablename), ', ') INTO tables
  FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'records_migrations';
  IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE'; END IF;
END $$`;

/**
 * One records database for a whole spec file, with every feature's migrations:
 * `start()` in beforeAll, `empty()` gives it back with no rows, `stop()` in afterAll.
 */
export interface RecordsHarness {
  name: string;
  start: () => Promise<void>;
  empty: () => Promise<RecordsDatabase>;
  stop: () => Promise<void>;
  /** Another connection (pool) to the same database, for concurrency tests; closed by stop(). */
  connect: () => Promise<RecordsDatabase>;
}

function harness(
  name: string,
  open: () => Promise<RecordsDatabase>,
  cleanup: () => Promise<void>,
): RecordsHarness {
  let db: RecordsDatabase | null = null;
  const others: RecordsDatabase[] = [];
  return {
    name,
    start: async () => {
      db = await open();
      await applyMigrations(db, RECORDS_MIGRATIONS);
    },
    empty: async () => {
      await db!.exec(EMPTY_ALL);
      return db!;
    },
    connect: async () => {
      const other = await open();
      others.push(other);
      return other;
    },
    stop: async () => {
      // close() is idempotent: PGlite's connect() hands out the same instance
      for (const o of others) await o.close();
      await db?.close();
      await cleanup();
    },
  };
}

/** The embedded default: PGlite in a temp folder. `connect()` gives the same instance: one process, one connection. */
export function pgliteRecords(): RecordsHarness {
  const dir = tempDir('records-pglite-');
  let db: Promise<RecordsDatabase> | null = null;
  return harness(
    'PGlite',
    () => (db ??= PgliteRecordsDatabase.open(join(dir.path, 'records'))),
    () => Promise.resolve(dir.remove()),
  );
}

/** A real PostgreSQL (Debian's, started in a temp folder); each connect() a pool of 10 connections. */
export function postgresRecords(): RecordsHarness {
  let server: Postgres | null = null;
  let url = '';
  return harness(
    'PostgreSQL',
    async () => {
      if (!server) {
        server = await startPostgres();
        url = await server.createDatabase('records');
      }
      return PostgresRecordsDatabase.connect(url, 10);
    },
    async () => {
      await server?.remove();
    },
  );
}
