import { cpSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PgliteRecordsDatabase } from '../src/infrastructure/records/pglite-records.database.js';
import { PostgresRecordsDatabase } from '../src/infrastructure/records/postgres-records.database.js';
import { applyMigrations, MIGRATION_LOCK_KEY } from '../src/infrastructure/records/records-migrator.js';
import type { FeatureMigrations, RecordsDatabase } from '../src/ports/records-database.port.js';
import { startPostgres, type Postgres } from './helpers/postgres.js';
import { tempDir } from './helpers/temp-dir.js';
import { eventually } from './helpers/test-app.js';

// not idempotent on purpose: applied twice, the CREATE fails and the row count shows it
const NOTES: FeatureMigrations = {
  feature: 'notes',
  migrations: [
    `CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
     INSERT INTO notes VALUES (1, 'first');`,
    `ALTER TABLE notes ADD COLUMN author TEXT;
     INSERT INTO notes VALUES (2, 'second', 'v2');`,
  ],
};
const TAGS: FeatureMigrations = {
  feature: 'tags',
  migrations: ['CREATE TABLE tags (name TEXT PRIMARY KEY);'],
};

let postgres: Postgres;
const dir = tempDir('records-migrations-');
const opened: RecordsDatabase[] = [];
let n = 0;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const db of opened) await db.close();
  await postgres.remove();
  dir.remove();
});

const backends: Array<[string, () => Promise<RecordsDatabase>]> = [
  ['PGlite', async () => track(await PgliteRecordsDatabase.open(freshFolder()))],
  ['PostgreSQL', async () => track(await PostgresRecordsDatabase.connect(await freshDatabase(), 4))],
];
function track(db: RecordsDatabase): RecordsDatabase {
  opened.push(db);
  return db;
}
/** A new PGlite folder: the test run's empty cluster copied in when there is one (test/pglite-template.setup.mjs). */
function freshFolder(): string {
  const folder = join(dir.path, `pglite-${n++}`);
  const template = process.env.FLEET_TEST_PGLITE_TEMPLATE;
  if (template) cpSync(template, folder, { recursive: true });
  return folder;
}
async function freshDatabase(): Promise<string> {
  return postgres.createDatabase(`migrations_${n++}`);
}
const count = async (db: RecordsDatabase, sql: string): Promise<number> =>
  (await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sql}`)).rows[0].n;

describe.each(backends)('applyMigrations on %s', (_name, fresh) => {
  it('applies each version once, in order, and later only the versions added since', async () => {
    const db = await fresh();
    const v1 = { ...NOTES, migrations: NOTES.migrations.slice(0, 1) };
    expect(await applyMigrations(db, [v1, TAGS])).toEqual([
      { feature: 'notes', version: 1 },
      { feature: 'tags', version: 1 },
    ]);
    expect(await applyMigrations(db, [v1, TAGS])).toEqual([]);
    expect(await applyMigrations(db, [NOTES, TAGS])).toEqual([{ feature: 'notes', version: 2 }]);
    expect(await count(db, 'notes')).toBe(2);
    expect(await count(db, 'records_migrations')).toBe(3);
  });

  it('refuses a database that a newer service has migrated further', async () => {
    const db = await fresh();
    await applyMigrations(db, [NOTES]);
    const older = { ...NOTES, migrations: NOTES.migrations.slice(0, 1) };
    await expect(applyMigrations(db, [older])).rejects.toThrow(
      /notes at version 2, newer than this service knows \(1\)/,
    );
  });

  it('leaves the database as it was when a migration fails, naming it', async () => {
    const db = await fresh();
    const broken = {
      feature: 'broken',
      migrations: ['CREATE TABLE fine (x INTEGER);', 'SELECT nonsense FROM nowhere;'],
    };
    await expect(applyMigrations(db, [NOTES, broken])).rejects.toThrow(/records migration broken 2 failed/);
    const tables = await db.query(
      `SELECT tablename FROM pg_tables WHERE tablename IN ('notes', 'fine', 'records_migrations')`,
    );
    expect(tables.rows).toEqual([]);
  });

  it('refuses a feature listed twice', async () => {
    const db = await fresh();
    await expect(applyMigrations(db, [NOTES, NOTES])).rejects.toThrow(/"notes" is listed twice/);
  });
});

describe('applyMigrations on PostgreSQL, two replicas starting at once', () => {
  it('applies each version once: the second waits for the first, then finds nothing to do', async () => {
    const url = await freshDatabase();
    const [a, b] = [
      track(await PostgresRecordsDatabase.connect(url, 2)),
      track(await PostgresRecordsDatabase.connect(url, 2)),
    ];
    // a third session holds the lock, so both runners are surely waiting on it at the same time
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
      const runs = [applyMigrations(a, [NOTES, TAGS]), applyMigrations(b, [NOTES, TAGS])];
      await eventually(
        async () => {
          const { rows } = await holder.query<{ n: number }>(
            `SELECT COUNT(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
          );
          return rows[0].n === 2 ? true : undefined;
        },
        20_000,
        'both runners waiting on the migration lock',
      );
      await holder.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
      const [ranA, ranB] = await Promise.all(runs);
      expect([ranA.length, ranB.length].sort()).toEqual([0, 3]);
      expect(await count(a, 'notes')).toBe(2);
      expect(await count(a, 'records_migrations')).toBe(3);
    } finally {
      await holder.end();
    }
  });
});
