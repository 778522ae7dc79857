/**
 * The records database: one SQL dialect, PostgreSQL, for every feature's records
 * (registry, devices seen, dead letters, KPI state, job leases, and what later
 * features add). Implemented by PGlite, in-process (the embedded default), and by a
 * real PostgreSQL (`DATABASE_URL`); a repository written against this port runs on
 * both unchanged. See docs/records.md.
 */

/**
 * A parameter value. Arrays become PostgreSQL arrays (`$1::text[]`), so a batch is
 * one statement: `INSERT … SELECT * FROM unnest($1::text[], $2::bigint[])`.
 */
export type SqlParam = string | number | boolean | null | readonly (string | number | boolean | null)[];

export interface SqlResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted (0 for a SELECT). */
  rowCount: number;
}

/**
 * Runs SQL. Values come back as PostgreSQL types map to JavaScript: `bigint` and
 * `integer` as number, `text` as string, `boolean` as boolean, `json`/`jsonb` parsed,
 * `numeric` as string, `timestamptz` as Date, arrays as arrays. A NUL character
 * (U+0000) in a string parameter, which PostgreSQL text cannot hold, is stored as U+FFFD.
 */
export interface SqlExecutor {
  /** One statement with `$1`, `$2` … placeholders. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<SqlResult<R>>;
  /** A script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface RecordsDatabase extends SqlExecutor {
  /** `pglite` (embedded) or `postgres`. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction (READ COMMITTED): committed when it resolves,
   * rolled back when it throws. Inside, use `tx`. A call made while a transaction
   * is open in the same async context joins it (no nesting, no savepoint), and so
   * does `query` on the database itself: a caller can wrap several repository
   * calls into one transaction.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Waits for running queries, then closes. */
  close(): Promise<void>;
}

export const RECORDS_DATABASE = Symbol('RecordsDatabase');

/**
 * A feature's tables, as versioned SQL. Version n is `migrations[n - 1]`; each is
 * applied once, in order, at start-up. Append only: never edit or remove a released
 * entry (a changed table is a new entry that alters it).
 */
export interface FeatureMigrations {
  /** The feature's name: its versions are tracked under it. Its tables start with their own prefix. */
  feature: string;
  migrations: readonly string[];
}
