import { AsyncLocalStorage } from 'node:async_hooks';
import type { RecordsDatabase, SqlExecutor, SqlParam, SqlResult } from '../../ports/records-database.port.js';

/**
 * What both implementations share: a transaction opened in an async context is
 * joined by every query and transaction started in it, so a caller can wrap
 * several repository calls into one transaction without passing `tx` around.
 */
export abstract class TransactionalDatabase implements RecordsDatabase {
  abstract readonly kind: RecordsDatabase['kind'];
  private readonly open = new AsyncLocalStorage<SqlExecutor>();

  /** Runs a statement outside any transaction (autocommit). */
  protected abstract direct: SqlExecutor;
  /** BEGIN … COMMIT around `work`, ROLLBACK when it throws. */
  protected abstract begin<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  abstract close(): Promise<void>;

  query<R = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<SqlResult<R>> {
    return (this.open.getStore() ?? this.direct).query<R>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return (this.open.getStore() ?? this.direct).exec(sql);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const current = this.open.getStore();
    if (current) return work(current);
    return this.begin((tx) => this.open.run(tx, () => work(tx)));
  }
}
