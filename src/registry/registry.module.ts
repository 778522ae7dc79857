import { Module } from '@nestjs/common';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { REGISTRY_CONTROLLERS } from './registry.controller.js';
import { RegistryBirthListener } from './registry-birth.listener.js';
import { REGISTRY_REPOSITORY } from './registry.repository.js';
import { RegistryMetrics } from './registry.metrics.js';
import { RegistryService } from './registry.service.js';
import { SqlRegistryRepository } from './sql-registry.repository.js';

/** Customers, sites, equipment models and devices: CRUD, bulk import, registration from birth. */
@Module({
  controllers: REGISTRY_CONTROLLERS,
  providers: [
    RegistryService,
    RegistryMetrics,
    RegistryBirthListener,
    {
      provide: REGISTRY_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlRegistryRepository(db),
    },
  ],
  exports: [RegistryService, REGISTRY_REPOSITORY],
})
export class RegistryModule {}
