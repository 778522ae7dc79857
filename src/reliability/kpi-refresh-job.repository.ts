import type { KpiRunSummary } from './kpi-ledger.service.js';

export type KpiRefreshJobStatus = 'running' | 'succeeded' | 'failed';

/** A KPI refresh asked for over HTTP, to poll while it runs. */
export interface KpiRefreshJob {
  jobId: string;
  status: KpiRefreshJobStatus;
  rebuild: boolean;
  requestedAt: number;
  finishedAt: number | null;
  /** The run's summary once it succeeded. */
  summary: KpiRunSummary | null;
  /** Why it failed. */
  error: string | null;
}

/**
 * Refresh jobs, for `GET /api/v1/kpis/refresh/jobs/{id}`. In memory for now (a job is
 * polled on the replica that runs it, for minutes): simple to move to the records
 * database when replicas share jobs.
 */
export interface KpiRefreshJobRepository {
  save(job: KpiRefreshJob): Promise<void>;
  get(jobId: string): Promise<KpiRefreshJob | null>;
}

export const KPI_REFRESH_JOB_REPOSITORY = Symbol('KpiRefreshJobRepository');

/** The last `keep` jobs, in memory. */
export class InMemoryKpiRefreshJobRepository implements KpiRefreshJobRepository {
  private readonly jobs = new Map<string, KpiRefreshJob>();

  constructor(private readonly keep = 200) {}

  save(job: KpiRefreshJob): Promise<void> {
    this.jobs.delete(job.jobId);
    this.jobs.set(job.jobId, { ...job });
    while (this.jobs.size > this.keep) this.jobs.delete(this.jobs.keys().next().value!);
    return Promise.resolve();
  }

  get(jobId: string): Promise<KpiRefreshJob | null> {
    const job = this.jobs.get(jobId);
    return Promise.resolve(job ? { ...job } : null);
  }
}
