import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DEAD_LETTER_REPOSITORY, type DeadLetterRepository } from '../dead-letters/dead-letter.repository.js';
import { DeadLettersModule } from '../dead-letters/dead-letters.module.js';
import { DEVICE_REPOSITORY, type DeviceRepository } from '../devices/device.repository.js';
import { DevicesModule } from '../devices/devices.module.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { REGISTRY_REPOSITORY, type RegistryRepository } from '../registry/registry.repository.js';
import { RegistryModule } from '../registry/registry.module.js';
import { KPI_OUTAGE_REPOSITORY, type KpiOutageRepository } from '../reliability/kpi-outage.repository.js';
import { KPI_STATE_REPOSITORY, type KpiStateRepository } from '../reliability/kpi-state.repository.js';
import { ReliabilityModule } from '../reliability/reliability.module.js';
import { upgradeFromSqliteRegistry, type UpgradeReport } from './sqlite-registry.upgrade.js';

export const UPGRADE_REPORT = Symbol('UpgradeReport');

/**
 * Upgrades from earlier releases' files, at start-up, before anything else runs
 * (a factory provider resolves before any module's init hook: before the broker
 * and ingest start).
 */
@Module({
  imports: [RegistryModule, DevicesModule, DeadLettersModule, ReliabilityModule],
  providers: [
    {
      provide: UPGRADE_REPORT,
      inject: [
        APP_CONFIG,
        RECORDS_DATABASE,
        REGISTRY_REPOSITORY,
        DEVICE_REPOSITORY,
        DEAD_LETTER_REPOSITORY,
        KPI_STATE_REPOSITORY,
        KPI_OUTAGE_REPOSITORY,
      ],
      useFactory: (
        c: AppConfig,
        db: RecordsDatabase,
        registry: RegistryRepository,
        devices: DeviceRepository,
        deadLetters: DeadLetterRepository,
        kpiState: KpiStateRepository,
        kpiOutages: KpiOutageRepository,
      ): Promise<UpgradeReport | null> =>
        upgradeFromSqliteRegistry(c.dataDir, { db, registry, devices, deadLetters, kpiState, kpiOutages }),
    },
  ],
})
export class UpgradeModule {}
