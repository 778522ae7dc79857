import { join } from 'node:path';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainEventBus } from '../events/domain-event-bus.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import { InfluxStoreReporter } from './influxdb/influx-store.observer.js';
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
          inject: [APP_CONFIG, MetricsService, DomainEventBus],
          useFactory: async (
            c: AppConfig,
            metrics: MetricsService,
            bus: DomainEventBus,
          ): Promise<TelemetryStore> => {
            if (!c.influx) return new SqliteTelemetryStore(join(c.dataDir, 'timeseries.sqlite'));
            const store = new InfluxTelemetryStore(
              c.influx,
              join(c.dataDir, 'influx-spool'),
              new InfluxStoreReporter(metrics, (records) => bus.publish('input.rejected', { records })),
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
