import { Module } from '@nestjs/common';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { RegistryModule } from '../registry/registry.module.js';
import { KpiController } from './kpi.controller.js';
import { KpiLateDataListener } from './kpi-late-data.listener.js';
import { KpiLedgerService } from './kpi-ledger.service.js';
import { KPI_OUTAGE_REPOSITORY } from './kpi-outage.repository.js';
import { KpiQueryService } from './kpi-query.service.js';
import { KPI_REFRESH_JOB_REPOSITORY } from './kpi-refresh-job.repository.js';
import { KpiRefreshJob } from './kpi-refresh.job.js';
import { KpiRefreshService } from './kpi-refresh.service.js';
import { ReliabilityMetrics } from './reliability.metrics.js';
import { KPI_STATE_REPOSITORY } from './kpi-state.repository.js';
import { SqlKpiOutageRepository } from './sql-kpi-outage.repository.js';
import { SqlKpiRefreshJobRepository } from './sql-kpi-refresh-job.repository.js';
import { SqlKpiStateRepository } from './sql-kpi-state.repository.js';

/** Reliability KPIs: the incremental ledger, its schedule, refresh jobs, late data, and the KPI API. */
@Module({
  imports: [RegistryModule],
  controllers: [KpiController],
  providers: [
    KpiLedgerService,
    ReliabilityMetrics,
    KpiQueryService,
    KpiRefreshJob,
    KpiRefreshService,
    KpiLateDataListener,
    {
      provide: KPI_REFRESH_JOB_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlKpiRefreshJobRepository(db),
    },
    {
      provide: KPI_STATE_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlKpiStateRepository(db),
    },
    {
      provide: KPI_OUTAGE_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlKpiOutageRepository(db),
    },
  ],
  exports: [KpiLedgerService, KPI_STATE_REPOSITORY, KPI_OUTAGE_REPOSITORY],
})
export class ReliabilityModule {}
