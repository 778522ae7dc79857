import { Module } from '@nestjs/common';
import { KpiController } from './kpi.controller.js';
import { KpiLateDataListener } from './kpi-late-data.listener.js';
import { KpiLedgerService } from './kpi-ledger.service.js';
import { KpiQueryService } from './kpi-query.service.js';
import { InMemoryKpiRefreshJobRepository, KPI_REFRESH_JOB_REPOSITORY } from './kpi-refresh-job.repository.js';
import { KpiRefreshJob } from './kpi-refresh.job.js';
import { KpiRefreshService } from './kpi-refresh.service.js';

/** Reliability KPIs: the incremental ledger, its schedule, refresh jobs, late data, and the KPI API. */
@Module({
  controllers: [KpiController],
  providers: [
    KpiLedgerService,
    KpiQueryService,
    KpiRefreshJob,
    KpiRefreshService,
    KpiLateDataListener,
    { provide: KPI_REFRESH_JOB_REPOSITORY, useFactory: () => new InMemoryKpiRefreshJobRepository() },
  ],
  exports: [KpiLedgerService],
})
export class ReliabilityModule {}
