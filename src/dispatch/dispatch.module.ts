import { Module } from '@nestjs/common';
import { FeedbackModule } from '../feedback/feedback.module.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { RegistryModule } from '../registry/registry.module.js';
import { TechniciansModule } from '../technicians/technicians.module.js';
import { WorkOrdersModule } from '../work-orders/work-orders.module.js';
import { DISPATCH_PLAN_REPOSITORY } from './dispatch-plan.repository.js';
import { DispatchController } from './dispatch.controller.js';
import { DispatchJob } from './dispatch.job.js';
import { DispatchListener } from './dispatch.listener.js';
import { DispatchMetrics } from './dispatch.metrics.js';
import { DispatchService } from './dispatch.service.js';
import { SqlDispatchPlanRepository } from './sql-dispatch-plan.repository.js';

/** Dispatch: the right technician for each order, and each technician's day plan (docs/field-force.md). */
@Module({
  imports: [WorkOrdersModule, TechniciansModule, FeedbackModule, RegistryModule],
  controllers: [DispatchController],
  providers: [
    {
      provide: DISPATCH_PLAN_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlDispatchPlanRepository(db),
    },
    DispatchMetrics,
    DispatchService,
    DispatchListener,
    DispatchJob,
  ],
  exports: [DispatchService],
})
export class DispatchModule {}
