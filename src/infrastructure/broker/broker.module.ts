import { Module } from '@nestjs/common';
import { DEVICE_COMMANDS } from '../../ports/device-commands.port.js';
import { MESSAGE_PUBLISHER } from '../../ports/message-publisher.port.js';
import { BrokerService } from './broker.service.js';
import { MqttDeviceCommands } from './mqtt-device-commands.js';
import { MqttMessagePublisher } from './mqtt-message-publisher.js';

@Module({
  providers: [
    BrokerService,
    MqttDeviceCommands,
    { provide: DEVICE_COMMANDS, useExisting: MqttDeviceCommands },
    MqttMessagePublisher,
    { provide: MESSAGE_PUBLISHER, useExisting: MqttMessagePublisher },
  ],
  exports: [BrokerService, DEVICE_COMMANDS, MESSAGE_PUBLISHER],
})
export class BrokerModule {}
