import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { SqlExecutor, SqlParam, SqlResult } from '../../ports/records-database.port.js';
import { driverParams } from './sql-params.js';
import { TransactionalDatabase } from './transactional-database.js';

const INT8 = 20;
/** bigint as number, as PGlite does: ids and epoch milliseconds fit (node-postgres' default is a string). */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
/** How long start-up waits for the server to take connections (it may still be starting, as in compose). */
const CONNECT_TIMEOUT_MS = 30_000;

function executor(on: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<R>(sql: string, params: readonly SqlParam[] = []): Promise<SqlResult<R>> {
      const result = await on.query(sql, driverParams(params));
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      // no parameters: the simple query protocol, which takes several statements
      await on.query(sql);
    },
  };
}

/** The records database on a PostgreSQL server (`DATABASE_URL`): shared by every replica. */
export class PostgresRecordsDatabase extends TransactionalDatabase {
  readonly kind = 'postgres';
  protected readonly direct: SqlExecutor;
  private readonly logger = new Logger(PostgresRecordsDatabase.name);
  private closed = false;

  private constructor(private readonly pool: pg.Pool) {
    super();
    this.direct = executor(pool);
    // an idle connection dropped by the server must not crash the process; the pool replaces it
    pool.on('error', (err) => this.logger.warn({ err }, 'PostgreSQL connection lost'));
  }

  /** Connects, waiting up to 30 s for a server that is still starting. */
  static async connect(url: string, poolSize: number): Promise<PostgresRecordsDatabase> {
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      types: TYPES,
      application_name: 'fleet-telemetry',
    });
    const db = new PostgresRecordsDatabase(pool);
    const until = Date.now() + CONNECT_TIMEOUT_MS;
    for (;;) {
      try {
        await pool.query('SELECT 1');
        return db;
      } catch (err) {
        if (Date.now() > until || !isStarting(err)) {
          await pool.end();
          throw err;
        }
        db.logger.warn({ err: (err as Error).message }, 'PostgreSQL not ready yet; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  protected async begin<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(executor(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      // a connection that could not roll back is discarded, not returned to the pool
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** Connection refused, or the server says it is starting up (57P03). */
function isStarting(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === '57P03' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}
