import type { RecordsDatabase } from '../ports/records-database.port.js';
import type { KpiRefreshJob, KpiRefreshJobRepository } from './kpi-refresh-job.repository.js';

/** KPI refresh jobs on the records database; the newest `keep` are kept. */
export class SqlKpiRefreshJobRepository implements KpiRefreshJobRepository {
  constructor(
    private readonly db: RecordsDatabase,
    private readonly keep = 1000,
  ) {}

  async save(job: KpiRefreshJob): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO kpi_refresh_jobs (job_id, requested_at, doc) VALUES ($1, $2, $3::json)
         ON CONFLICT (job_id) DO UPDATE SET doc = excluded.doc`,
        [job.jobId, job.requestedAt, JSON.stringify(job)],
      );
      await tx.query(
        `DELETE FROM kpi_refresh_jobs WHERE job_id IN (
           SELECT job_id FROM kpi_refresh_jobs ORDER BY requested_at DESC, job_id DESC OFFSET $1)`,
        [this.keep],
      );
    });
  }

  async get(jobId: string): Promise<KpiRefreshJob | null> {
    const { rows } = await this.db.query<{ doc: KpiRefreshJob }>(
      'SELECT doc FROM kpi_refresh_jobs WHERE job_id = $1',
      [jobId],
    );
    return rows[0]?.doc ?? null;
  }
}
