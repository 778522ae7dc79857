import type { RecordsDatabase } from '../../ports/records-database.port.js';
import type { JobLeaseRepository } from './job-lease.repository.js';

/** Job leases on the records database (PGlite or PostgreSQL). */
export class SqlJobLeaseRepository implements JobLeaseRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async acquire(job: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
    // one statement: the conflicting row is locked and the WHERE re-checked against its
    // latest version, so of two replicas racing for an expired lease only one updates it
    const { rows } = await this.db.query(
      `INSERT INTO job_leases AS l (job, holder, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE l.holder = excluded.holder OR l.expires_at <= $4
       RETURNING holder`,
      [job, holder, now + ttlMs, now],
    );
    return rows.length === 1;
  }

  async release(job: string, holder: string): Promise<void> {
    await this.db.query('DELETE FROM job_leases WHERE job = $1 AND holder = $2', [job, holder]);
  }

  async holder(job: string, now: number): Promise<string | null> {
    const { rows } = await this.db.query<{ holder: string }>(
      'SELECT holder FROM job_leases WHERE job = $1 AND expires_at > $2',
      [job, now],
    );
    return rows[0]?.holder ?? null;
  }
}
