import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { DomainEventBus } from '../events/domain-event-bus.js';
import { KpiLedgerService } from './kpi-ledger.service.js';
import {
  KPI_REFRESH_JOB_REPOSITORY,
  type KpiRefreshJob,
  type KpiRefreshJobRepository,
} from './kpi-refresh-job.repository.js';

/** How long a refresh asked for over HTTP is waited for before it answers 202 with its job. */
export const DEFAULT_REFRESH_WAIT_MS = 10_000;
export const MAX_REFRESH_WAIT_MS = 60_000;
/** At most this long for the listeners of what was published before a refresh was asked for. */
const SETTLE_MS = 5_000;

/**
 * KPI refreshes asked for over HTTP, as jobs: the answer waits up to `waitMs` for the
 * run, then gives the job to poll. The run goes on either way.
 */
@Injectable()
export class KpiRefreshService {
  private readonly logger = new Logger(KpiRefreshService.name);

  constructor(
    private readonly ledger: KpiLedgerService,
    private readonly bus: DomainEventBus,
    @Inject(KPI_REFRESH_JOB_REPOSITORY) private readonly jobs: KpiRefreshJobRepository,
  ) {}

  async request(rebuild: boolean, waitMs: number): Promise<KpiRefreshJob> {
    const job: KpiRefreshJob = {
      jobId: randomUUID(),
      status: 'running',
      rebuild,
      requestedAt: Date.now(),
      finishedAt: null,
      summary: null,
      error: null,
    };
    await this.jobs.save(job);
    // what was published before the request (an import that just answered) is taken in: marks land first
    const settled = Promise.race([this.bus.whenIdle(), new Promise((r) => setTimeout(r, SETTLE_MS).unref())]);
    const done = settled
      .then(() => this.ledger.refresh({ rebuild }))
      .then(
        (summary) => this.finish({ ...job, status: 'succeeded', summary }),
        (err: unknown) => {
          this.logger.error({ err, jobId: job.jobId }, 'KPI refresh job failed');
          return this.finish({ ...job, status: 'failed', error: String((err as Error)?.message ?? err) });
        },
      );
    if (waitMs <= 0) return job;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
    const finished = await Promise.race([done, late]);
    clearTimeout(timer);
    return finished ?? job;
  }

  async get(jobId: string): Promise<KpiRefreshJob> {
    const job = await this.jobs.get(jobId);
    if (!job) throw new DomainError(ErrorCode.NotFound, `KPI refresh job ${jobId} is not known here`);
    return job;
  }

  private async finish(job: KpiRefreshJob): Promise<KpiRefreshJob> {
    const finished = { ...job, finishedAt: Date.now() };
    await this.jobs
      .save(finished)
      .catch((err: unknown) => this.logger.error({ err, jobId: job.jobId }, 'KPI refresh job not saved'));
    return finished;
  }
}
