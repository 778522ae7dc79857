import { join } from 'node:path';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DEAD_LETTER_REPOSITORY } from '../dead-letters/dead-letter.repository.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import { InfluxStoreReporter, type DeadLetterSink } from './influxdb/influx-store.observer.js';
import { InfluxTelemetryStore } from './influxdb/influx-telemetry.store.js';
import { MetricsService } from './metrics/metrics.service.js';
import { SqliteTelemetryStore } from './sqlite/sqlite-telemetry.store.js';

/**
 * Picks the time-series store from configuration: SQLite (DATA_DIR) or, with
 * INFLUX_URL, InfluxDB. Records (registry, devices seen, …) are in the records
 * database instead (records/records.module.ts).
 */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(TELEMETRY_STORE) private readonly store: TelemetryStore) {}

  static forRoot(): DynamicModule {
    return {
      module: StorageModule,
      providers: [
        {
          provide: TELEMETRY_STORE,
          inject: [APP_CONFIG, MetricsService, DEAD_LETTER_REPOSITORY],
          useFactory: async (
            c: AppConfig,
            metrics: MetricsService,
            deadLetters: DeadLetterSink,
          ): Promise<TelemetryStore> => {
            if (!c.influx) return new SqliteTelemetryStore(join(c.dataDir, 'timeseries.sqlite'));
            const store = new InfluxTelemetryStore(
              c.influx,
              join(c.dataDir, 'influx-spool'),
              new InfluxStoreReporter(metrics, deadLetters),
            );
            await store.start();
            return store;
          },
        },
      ],
      exports: [TELEMETRY_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
