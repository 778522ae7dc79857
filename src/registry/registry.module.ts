import { Module } from '@nestjs/common';
import { REGISTRY_CONTROLLERS } from './registry.controller.js';
import { RegistryBirthListener } from './registry-birth.listener.js';
import { RegistryService } from './registry.service.js';

/** Customers, sites, equipment models and devices: CRUD, bulk import, registration from birth. */
@Module({
  controllers: REGISTRY_CONTROLLERS,
  providers: [RegistryService, RegistryBirthListener],
  exports: [RegistryService],
})
export class RegistryModule {}
