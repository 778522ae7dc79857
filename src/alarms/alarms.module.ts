import { Module } from '@nestjs/common';
import { BrokerModule } from '../infrastructure/broker/broker.module.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { RegistryModule } from '../registry/registry.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ALARM_REPOSITORY } from './alarm.repository.js';
import { AlarmNotifier } from './alarm-notifier.js';
import { AlarmNotificationRulesController, AlarmsController } from './alarms.controller.js';
import { AlarmsListener } from './alarms.listener.js';
import { AlarmsMetrics } from './alarms.metrics.js';
import { AlarmsQuietJob } from './alarms-quiet.job.js';
import { AlarmsService } from './alarms.service.js';
import { SqlAlarmRepository } from './sql-alarm.repository.js';

/** Alarms: raised from domain events, worked through the API, sent by notification rules (docs/alarms.md). */
@Module({
  imports: [RegistryModule, BrokerModule, WebhooksModule],
  controllers: [AlarmsController, AlarmNotificationRulesController],
  providers: [
    AlarmsService,
    AlarmNotifier,
    AlarmsListener,
    AlarmsMetrics,
    AlarmsQuietJob,
    {
      provide: ALARM_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlAlarmRepository(db),
    },
  ],
  exports: [AlarmsService],
})
export class AlarmsModule {}
