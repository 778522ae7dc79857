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
 * Refresh jobs, for `GET /api/v1/kpis/refresh/jobs/{id}`: in the records database, so
 * any replica answers the poll. The newest `keep` are kept.
 */
export interface KpiRefreshJobRepository {
  save(job: KpiRefreshJob): Promise<void>;
  get(jobId: string): Promise<KpiRefreshJob | null>;
}

export const KPI_REFRESH_JOB_REPOSITORY = Symbol('KpiRefreshJobRepository');
