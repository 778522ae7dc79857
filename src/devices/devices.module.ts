import { Module } from '@nestjs/common';
import { DevicesController } from './devices.controller.js';
import { DevicesListener } from './devices.listener.js';
import { DevicesService } from './devices.service.js';

@Module({ controllers: [DevicesController], providers: [DevicesService, DevicesListener] })
export class DevicesModule {}
