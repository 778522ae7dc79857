import { Module } from '@nestjs/common';
import { KpiController } from './kpi.controller.js';
import { KpiLedgerService } from './kpi-ledger.service.js';
import { KpiQueryService } from './kpi-query.service.js';
import { KpiLateDataListener } from './kpi-late-data.listener.js';
import { KpiRefreshJob } from './kpi-refresh.job.js';

/** Reliability KPIs: the incremental ledger, its schedule, and the KPI API. */
@Module({
  controllers: [KpiController],
  providers: [KpiLedgerService, KpiQueryService, KpiRefreshJob, KpiLateDataListener],
  exports: [KpiLedgerService, KpiQueryService],
})
export class ReliabilityModule {}
