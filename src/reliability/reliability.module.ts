import { Module } from '@nestjs/common';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { RegistryModule } from '../registry/registry.module.js';
import { KpiController } from './kpi.controller.js';
import { KpiLedgerService } from './kpi-ledger.service.js';
import { KpiQueryService } from './kpi-query.service.js';
import { KpiLateDataListener } from './kpi-late-data.listener.js';
import { KpiRefreshJob } from './kpi-refresh.job.js';
import { KPI_STATE_REPOSITORY } from './kpi-state.repository.js';
import { SqlKpiStateRepository } from './sql-kpi-state.repository.js';

/** Reliability KPIs: the incremental ledger, its schedule, and the KPI API. */
@Module({
  imports: [RegistryModule],
  controllers: [KpiController],
  providers: [
    KpiLedgerService,
    KpiQueryService,
    KpiRefreshJob,
    KpiLateDataListener,
    {
      provide: KPI_STATE_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlKpiStateRepository(db),
    },
  ],
  exports: [KpiLedgerService, KPI_STATE_REPOSITORY],
})
export class ReliabilityModule {}
