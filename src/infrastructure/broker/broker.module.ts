import { Module } from '@nestjs/common';
import { DEVICE_COMMANDS } from '../../ports/device-commands.port.js';
import { BrokerService } from './broker.service.js';
import { MqttDeviceCommands } from './mqtt-device-commands.js';

@Module({
  providers: [
    BrokerService,
    MqttDeviceCommands,
    { provide: DEVICE_COMMANDS, useExisting: MqttDeviceCommands },
  ],
  exports: [BrokerService, DEVICE_COMMANDS],
})
export class BrokerModule {}
