import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { CsvResponseInterceptor } from './common/http/csv-response.interceptor.js';
import { DomainErrorFilter } from './common/http/domain-error.filter.js';
import { ALARMS_MIGRATIONS } from './alarms/alarms.migrations.js';
import { AlarmsModule } from './alarms/alarms.module.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { ConsoleModule } from './console/console.module.js';
import { API_KEYS_MIGRATIONS } from './api-keys/api-keys.migrations.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AUDIT_MIGRATIONS } from './audit/audit.migrations.js';
import { AuditModule } from './audit/audit.module.js';
import { DEAD_LETTERS_MIGRATIONS } from './dead-letters/dead-letters.migrations.js';
import { DeadLettersModule } from './dead-letters/dead-letters.module.js';
import { DEVICE_IDENTITY_MIGRATIONS } from './device-identity/device-identity.migrations.js';
import { DeviceIdentityModule } from './device-identity/device-identity.module.js';
import { DISPATCH_MIGRATIONS } from './dispatch/dispatch.migrations.js';
import { DispatchModule } from './dispatch/dispatch.module.js';
import { DEVICES_MIGRATIONS } from './devices/devices.migrations.js';
import { DevicesModule } from './devices/devices.module.js';
import { FEEDBACK_MIGRATIONS } from './feedback/feedback.migrations.js';
import { FeedbackModule } from './feedback/feedback.module.js';
import { EventsModule } from './events/events.module.js';
import { JobsModule } from './infrastructure/jobs/jobs.module.js';
import { HealthModule } from './health/health.module.js';
import { JOB_LEASE_MIGRATIONS } from './infrastructure/jobs/job-lease.migrations.js';
import { MetricsModule } from './infrastructure/metrics/metrics.module.js';
import { RecordsModule } from './infrastructure/records/records.module.js';
import { StorageModule } from './infrastructure/storage.module.js';
import { HistoryImportModule } from './history-import/history-import.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import type { FeatureMigrations } from './ports/records-database.port.js';
import { PREDICTIONS_MIGRATIONS } from './predictions/predictions.migrations.js';
import { PredictionsModule } from './predictions/predictions.module.js';
import { REGISTRY_MIGRATIONS } from './registry/registry.migrations.js';
import { RegistryModule } from './registry/registry.module.js';
import { RELIABILITY_MIGRATIONS } from './reliability/reliability.migrations.js';
import { ReliabilityModule } from './reliability/reliability.module.js';
import { SIGNALS_MIGRATIONS } from './signals/signals.migrations.js';
import { SignalsModule } from './signals/signals.module.js';
import { TECHNICIAN_MIGRATIONS } from './technicians/technicians.migrations.js';
import { TechniciansModule } from './technicians/technicians.module.js';
import { TelemetryModule } from './telemetry/telemetry.module.js';
import { WEBHOOK_MIGRATIONS } from './webhooks/webhooks.migrations.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { WORK_ORDER_MIGRATIONS } from './work-orders/work-orders.migrations.js';
import { WorkOrdersModule } from './work-orders/work-orders.module.js';
import { UpgradeModule } from './upgrade/upgrade.module.js';

/** Every feature's tables in the records database: a feature with records adds its migrations here. */
export const RECORDS_MIGRATIONS: readonly FeatureMigrations[] = [
  REGISTRY_MIGRATIONS,
  DEVICES_MIGRATIONS,
  DEAD_LETTERS_MIGRATIONS,
  RELIABILITY_MIGRATIONS,
  WORK_ORDER_MIGRATIONS,
  WEBHOOK_MIGRATIONS,
  JOB_LEASE_MIGRATIONS,
  PREDICTIONS_MIGRATIONS,
  ALARMS_MIGRATIONS,
  API_KEYS_MIGRATIONS,
  AUDIT_MIGRATIONS,
  DEVICE_IDENTITY_MIGRATIONS,
  TECHNICIAN_MIGRATIONS,
  FEEDBACK_MIGRATIONS,
  DISPATCH_MIGRATIONS,
  SIGNALS_MIGRATIONS,
];

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

/**
 * Data flow: device → broker (infrastructure/broker) → ingest → store (ports,
 * infrastructure/sqlite, infrastructure/influxdb) → domain events (events/) →
 * features that react (devices, registry, reliability, dead letters, …) → HTTP API.
 * Each feature keeps its records in the records database (infrastructure/records:
 * PGlite or PostgreSQL) behind its own repository.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ScheduleModule.forRoot(),
        MetricsModule,
        // before the other global modules: they shut down in reverse, so the records close last
        RecordsModule.forRoot(RECORDS_MIGRATIONS),
        EventsModule,
        JobsModule,
        StorageModule.forRoot(),
        ApiKeysModule,
        AuditModule,
        DeviceIdentityModule,
        UpgradeModule,
        DeadLettersModule,
        IngestModule,
        TelemetryModule,
        DevicesModule,
        RegistryModule,
        HistoryImportModule,
        ReliabilityModule,
        PredictionsModule,
        WebhooksModule,
        WorkOrdersModule,
        TechniciansModule,
        FeedbackModule,
        DispatchModule,
        SignalsModule,
        HealthModule,
        AlarmsModule,
        ConsoleModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: CsvResponseInterceptor },
      ],
    };
  }
}
