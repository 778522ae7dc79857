import { Module } from '@nestjs/common';
import { DevicesController } from './devices.controller.js';
import { DevicesListener } from './devices.listener.js';
import { DevicesService } from './devices.service.js';
import { PresenceSweepJob } from './presence-sweep.job.js';

@Module({
  controllers: [DevicesController],
  providers: [DevicesService, DevicesListener, PresenceSweepJob],
  exports: [DevicesService],
})
export class DevicesModule {}
