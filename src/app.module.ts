import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { CsvResponseInterceptor } from './common/http/csv-response.interceptor.js';
import { DomainErrorFilter } from './common/http/domain-error.filter.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { DeadLettersModule } from './dead-letters/dead-letters.module.js';
import { DevicesModule } from './devices/devices.module.js';
import { EventsModule } from './events/events.module.js';
import { JobsModule } from './infrastructure/jobs/jobs.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './infrastructure/metrics/metrics.module.js';
import { StorageModule } from './infrastructure/storage.module.js';
import { HistoryImportModule } from './history-import/history-import.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { PredictionsModule } from './predictions/predictions.module.js';
import { RegistryModule } from './registry/registry.module.js';
import { ReliabilityModule } from './reliability/reliability.module.js';
import { TelemetryModule } from './telemetry/telemetry.module.js';

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
        EventsModule,
        JobsModule,
        StorageModule.forRoot(),
        DeadLettersModule,
        IngestModule,
        TelemetryModule,
        DevicesModule,
        RegistryModule,
        HistoryImportModule,
        ReliabilityModule,
        PredictionsModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: CsvResponseInterceptor },
      ],
    };
  }
}
