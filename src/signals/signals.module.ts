import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { RegistryModule } from '../registry/registry.module.js';
import { ReliabilityModule } from '../reliability/reliability.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { WorkOrdersModule } from '../work-orders/work-orders.module.js';
import { SignalEvaluationService } from './signal-evaluation.service.js';
import { SignalFactsService } from './signal-facts.service.js';
import { SIGNALS_CONFIG, signalRulesAtStartUp } from './signal-rules.config.js';
import { SignalWriter } from './signal-writer.js';
import { SIGNAL_REPOSITORY } from './signal.repository.js';
import { SignalsController } from './signals.controller.js';
import { SignalsEvaluationJob } from './signals-evaluation.job.js';
import { SignalsListener } from './signals.listener.js';
import { SignalsMetrics } from './signals.metrics.js';
import { SignalsService } from './signals.service.js';
import { SqlSignalRepository } from './sql-signal.repository.js';

/**
 * Upsell signals: rules over the registry, the KPIs, the device events and the work
 * orders; signals with a lifecycle; events on the bus and signed webhooks for a CRM.
 */
@Module({
  imports: [RegistryModule, ReliabilityModule, WorkOrdersModule, WebhooksModule],
  controllers: [SignalsController],
  providers: [
    {
      provide: SIGNAL_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlSignalRepository(db),
    },
    {
      provide: SIGNALS_CONFIG,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => signalRulesAtStartUp(config.signals.rulesFile),
    },
    SignalsMetrics,
    SignalFactsService,
    SignalWriter,
    SignalEvaluationService,
    SignalsService,
    SignalsEvaluationJob,
    SignalsListener,
  ],
  exports: [SignalsService],
})
export class SignalsModule {}
