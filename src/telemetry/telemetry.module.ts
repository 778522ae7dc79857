import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module.js';
import { TelemetryController } from './telemetry.controller.js';
import { TelemetryService } from './telemetry.service.js';

@Module({ imports: [DevicesModule], controllers: [TelemetryController], providers: [TelemetryService] })
export class TelemetryModule {}
