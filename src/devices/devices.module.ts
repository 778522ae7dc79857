import { Module } from '@nestjs/common';
import { DevicesController } from './devices.controller.js';
import { DevicesService } from './devices.service.js';
import { PresenceSweepJob } from './presence-sweep.job.js';

@Module({
  controllers: [DevicesController],
  providers: [DevicesService, PresenceSweepJob],
  exports: [DevicesService],
})
export class DevicesModule {}
