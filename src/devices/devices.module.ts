import { Module } from '@nestjs/common';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { RegistryModule } from '../registry/registry.module.js';
import { DEVICE_REPOSITORY } from './device.repository.js';
import { DevicesController } from './devices.controller.js';
import { DevicesListener } from './devices.listener.js';
import { DevicesService } from './devices.service.js';
import { PresenceSweepJob } from './presence-sweep.job.js';
import { SqlDeviceRepository } from './sql-device.repository.js';

@Module({
  imports: [RegistryModule],
  controllers: [DevicesController],
  providers: [
    DevicesService,
    DevicesListener,
    PresenceSweepJob,
    {
      provide: DEVICE_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlDeviceRepository(db),
    },
  ],
  exports: [DevicesService, DEVICE_REPOSITORY],
})
export class DevicesModule {}
