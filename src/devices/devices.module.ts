import { Module } from '@nestjs/common';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { DEVICE_REPOSITORY } from './device.repository.js';
import { DevicesController } from './devices.controller.js';
import { DevicesListener } from './devices.listener.js';
import { DevicesService } from './devices.service.js';
import { SqlDeviceRepository } from './sql-device.repository.js';

@Module({
  controllers: [DevicesController],
  providers: [
    DevicesService,
    DevicesListener,
    {
      provide: DEVICE_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlDeviceRepository(db),
    },
  ],
  exports: [DEVICE_REPOSITORY],
})
export class DevicesModule {}
