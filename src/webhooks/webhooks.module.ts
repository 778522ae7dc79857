import { Module } from '@nestjs/common';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { SqlWebhookOutboxRepository, SqlWebhookSubscriptionRepository } from './sql-webhook.repository.js';
import { WebhookDeliveryJob } from './webhook-delivery.job.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';
import { WEBHOOK_OUTBOX_REPOSITORY, WEBHOOK_SUBSCRIPTION_REPOSITORY } from './webhook.repository.js';
import { WebhooksController } from './webhooks.controller.js';

/**
 * Signed webhooks for any feature: subscriptions, a transactional outbox in the
 * records database and a delivery job. A feature imports this module and calls
 * `WebhookOutbox.enqueue` in the transaction of its change (docs/webhooks.md).
 */
@Module({
  controllers: [WebhooksController],
  providers: [
    {
      provide: WEBHOOK_SUBSCRIPTION_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlWebhookSubscriptionRepository(db),
    },
    {
      provide: WEBHOOK_OUTBOX_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlWebhookOutboxRepository(db),
    },
    WebhookOutbox,
    WebhookSubscriptionsService,
    WebhookDeliveryJob,
  ],
  exports: [WebhookOutbox],
})
export class WebhooksModule {}
