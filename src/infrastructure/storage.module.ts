import { join } from 'node:path';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DEAD_LETTER_REPOSITORY, type DeadLetterRepository } from '../ports/dead-letter-repository.port.js';
import { DEVICE_REPOSITORY } from '../ports/device-repository.port.js';
import { KPI_STATE_REPOSITORY } from '../ports/kpi-state-repository.port.js';
import { KPI_OUTAGE_REPOSITORY } from '../reliability/kpi-outage.repository.js';
import { REGISTRY_REPOSITORY } from '../ports/registry-repository.port.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import { InfluxStoreReporter } from './influxdb/influx-store.observer.js';
import { InfluxTelemetryStore } from './influxdb/influx-telemetry.store.js';
import { MetricsService } from './metrics/metrics.service.js';
import type { SqliteDatabase } from './sqlite/sqlite-database.js';
import { SqliteDeadLetterRepository } from './sqlite/sqlite-dead-letter.repository.js';
import { SqliteDeviceRepository } from './sqlite/sqlite-device.repository.js';
import { SqliteKpiOutageRepository } from './sqlite/sqlite-kpi-outage.repository.js';
import { SqliteKpiStateRepository } from './sqlite/sqlite-kpi-state.repository.js';
import { openRegistryDatabase } from './sqlite/sqlite-registry.database.js';
import { SqliteRegistryRepository } from './sqlite/sqlite-registry.repository.js';
import { SqliteTelemetryStore } from './sqlite/sqlite-telemetry.store.js';

const REGISTRY_DB = Symbol('RegistryDatabase');

/**
 * Picks the store implementations from configuration: the time series in SQLite
 * (DATA_DIR) or, with INFLUX_URL, InfluxDB; the registry always in SQLite.
 */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(REGISTRY_DB) private readonly registry: SqliteDatabase,
  ) {}

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
            deadLetters: DeadLetterRepository,
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
        {
          provide: REGISTRY_DB,
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => openRegistryDatabase(join(c.dataDir, 'registry.sqlite')),
        },
        {
          provide: DEVICE_REPOSITORY,
          inject: [REGISTRY_DB],
          useFactory: (db: SqliteDatabase) => new SqliteDeviceRepository(db),
        },
        {
          provide: REGISTRY_REPOSITORY,
          inject: [REGISTRY_DB],
          useFactory: (db: SqliteDatabase) => new SqliteRegistryRepository(db),
        },
        {
          provide: KPI_STATE_REPOSITORY,
          inject: [REGISTRY_DB],
          useFactory: (db: SqliteDatabase) => new SqliteKpiStateRepository(db),
        },
        {
          provide: KPI_OUTAGE_REPOSITORY,
          inject: [REGISTRY_DB],
          useFactory: (db: SqliteDatabase) => new SqliteKpiOutageRepository(db),
        },
        {
          provide: DEAD_LETTER_REPOSITORY,
          inject: [REGISTRY_DB, APP_CONFIG],
          useFactory: (db: SqliteDatabase, c: AppConfig) =>
            new SqliteDeadLetterRepository(db, c.deadLetterMaxRecords),
        },
      ],
      exports: [
        TELEMETRY_STORE,
        DEVICE_REPOSITORY,
        REGISTRY_REPOSITORY,
        KPI_STATE_REPOSITORY,
        KPI_OUTAGE_REPOSITORY,
        DEAD_LETTER_REPOSITORY,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    if (this.registry.open) this.registry.close();
  }
}
