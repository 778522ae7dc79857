import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { SqlExecutor, SqlParam, SqlResult } from '../../ports/records-database.port.js';
import { driverParams } from './sql-params.js';
import { TransactionalDatabase } from './transactional-database.js';

interface PgliteQueryable {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

/** bigint as number, as with node-postgres (see postgres-records.database.ts): ids and epoch milliseconds fit. */
const PARSERS = { [types.INT8]: Number };

function executor(on: PgliteQueryable): SqlExecutor {
  return {
    async query<R>(sql: string, params: readonly SqlParam[] = []): Promise<SqlResult<R>> {
      const result = await on.query<R>(sql, driverParams(params));
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await on.exec(sql);
    },
  };
}

/**
 * The embedded records database: PostgreSQL compiled to WebAssembly, in this
 * process, its files in one folder. Nothing to install; the same SQL as PostgreSQL.
 * One connection: statements run one at a time, a transaction holds it until done.
 */
export class PgliteRecordsDatabase extends TransactionalDatabase {
  readonly kind = 'pglite';
  protected readonly direct: SqlExecutor;

  private constructor(private readonly db: PGlite) {
    super();
    this.direct = executor(db);
  }

  /** Opens (or, for a new folder, initialises: about 2 s) the database in `dataDir`. */
  static async open(dataDir: string): Promise<PgliteRecordsDatabase> {
    const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
    if (fresh) mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create({ dataDir, parsers: PARSERS });
    return new PgliteRecordsDatabase(db);
  }

  protected begin<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx: Transaction) => work(executor(tx)));
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
