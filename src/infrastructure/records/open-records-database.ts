import { join } from 'node:path';
import type { RecordsDatabase } from '../../ports/records-database.port.js';
import { PgliteRecordsDatabase } from './pglite-records.database.js';
import { PostgresRecordsDatabase } from './postgres-records.database.js';

export interface RecordsDatabaseConfig {
  dataDir: string;
  database: { url: string | null; poolSize: number };
}

/** PostgreSQL when `DATABASE_URL` is set, else PGlite in `DATA_DIR/records`. */
export function openRecordsDatabase(c: RecordsDatabaseConfig): Promise<RecordsDatabase> {
  return c.database.url
    ? PostgresRecordsDatabase.connect(c.database.url, c.database.poolSize)
    : PgliteRecordsDatabase.open(join(c.dataDir, 'records'));
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
