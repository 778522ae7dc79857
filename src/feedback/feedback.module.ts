import { Module } from '@nestjs/common';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { TechniciansModule } from '../technicians/technicians.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { WorkOrdersModule } from '../work-orders/work-orders.module.js';
import { FeedbackPageController } from './feedback-page.controller.js';
import { FeedbackController } from './feedback.controller.js';
import { FeedbackListener } from './feedback.listener.js';
import { FeedbackMetrics } from './feedback.metrics.js';
import { FEEDBACK_REPOSITORY } from './feedback.repository.js';
import { FeedbackService } from './feedback.service.js';
import { LoyaltyRiskJob } from './loyalty-risk.job.js';
import { SqlFeedbackRepository } from './sql-feedback.repository.js';

/**
 * Customer feedback after every visit, technicians' ratings, satisfaction trends and
 * loyalty risk. Other features (signals) import this module and read
 * `FeedbackService.loyaltyRisk(customerId, now)`.
 */
@Module({
  imports: [WorkOrdersModule, TechniciansModule, WebhooksModule],
  controllers: [FeedbackController, FeedbackPageController],
  providers: [
    {
      provide: FEEDBACK_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlFeedbackRepository(db),
    },
    FeedbackMetrics,
    FeedbackService,
    FeedbackListener,
    LoyaltyRiskJob,
  ],
  exports: [FeedbackService],
})
export class FeedbackModule {}
