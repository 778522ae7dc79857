import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { KpiLedgerService } from './kpi-ledger.service.js';

/** Brings the KPI ledger up to date every KPI_REFRESH_INTERVAL_MS, on one replica. */
@Injectable()
export class KpiRefreshJob implements OnModuleInit {
  static readonly jobName = 'kpi-refresh';

  constructor(
    private readonly ledger: KpiLedgerService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: KpiRefreshJob.jobName,
      intervalMs: this.config.kpi.refreshIntervalMs,
      run: (now) => this.ledger.refresh({ now }),
    });
  }
}
