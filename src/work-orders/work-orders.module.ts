import { Module } from '@nestjs/common';
import { BrokerModule } from '../infrastructure/broker/broker.module.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { RegistryModule } from '../registry/registry.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { DiagnosisLearningJob } from './diagnosis/diagnosis-learning.job.js';
import { DIAGNOSIS_KNOWLEDGE_REPOSITORY } from './diagnosis/diagnosis-knowledge.repository.js';
import { DiagnosisService } from './diagnosis/diagnosis.service.js';
import { SqlDiagnosisKnowledgeRepository } from './diagnosis/sql-diagnosis-knowledge.repository.js';
import { MAINTENANCE_PLAN_REPOSITORY } from './maintenance-plan.repository.js';
import { MaintenancePlansController } from './maintenance-plans.controller.js';
import { MaintenancePlansJob } from './maintenance-plans.job.js';
import { MaintenancePlansService } from './maintenance-plans.service.js';
import { SqlMaintenancePlanRepository } from './sql-maintenance-plan.repository.js';
import { SqlWorkOrderRepository } from './sql-work-order.repository.js';
import { WorkOrderContext } from './work-order-context.js';
import { WorkOrderDiagnosisService } from './work-order-diagnosis.service.js';
import { WorkOrderSlaJob } from './work-order-sla.job.js';
import { WORK_ORDER_REPOSITORY } from './work-order.repository.js';
import { WorkOrdersController } from './work-orders.controller.js';
import { WorkOrdersListener } from './work-orders.listener.js';
import { WorkOrdersMetrics } from './work-orders.metrics.js';
import { WorkOrdersService } from './work-orders.service.js';

/**
 * Work orders: opened from predictions, faults, plans and requests; diagnosed; SLA
 * timed; closed by the device's report; told to the outside through webhooks.
 */
@Module({
  imports: [RegistryModule, BrokerModule, WebhooksModule],
  controllers: [WorkOrdersController, MaintenancePlansController],
  providers: [
    {
      provide: WORK_ORDER_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlWorkOrderRepository(db),
    },
    {
      provide: MAINTENANCE_PLAN_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlMaintenancePlanRepository(db),
    },
    {
      provide: DIAGNOSIS_KNOWLEDGE_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlDiagnosisKnowledgeRepository(db),
    },
    WorkOrdersMetrics,
    WorkOrderContext,
    DiagnosisService,
    WorkOrderDiagnosisService,
    WorkOrdersService,
    MaintenancePlansService,
    WorkOrdersListener,
    WorkOrderSlaJob,
    MaintenancePlansJob,
    DiagnosisLearningJob,
  ],
  exports: [WorkOrdersService, MaintenancePlansService, DiagnosisService],
})
export class WorkOrdersModule {}
