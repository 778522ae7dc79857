import { Module } from '@nestjs/common';
import { MESSAGE_PUBLISHER } from '../../ports/message-publisher.port.js';
import { BrokerService } from './broker.service.js';
import { MqttMessagePublisher } from './mqtt-message-publisher.js';

@Module({
  providers: [
    BrokerService,
    MqttMessagePublisher,
    { provide: MESSAGE_PUBLISHER, useExisting: MqttMessagePublisher },
  ],
  exports: [BrokerService, MESSAGE_PUBLISHER],
})
export class BrokerModule {}
