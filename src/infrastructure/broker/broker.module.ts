import { Module } from '@nestjs/common';
import { DEVICE_COMMANDS } from '../../ports/device-commands.port.js';
import { MESSAGE_PUBLISHER } from '../../ports/message-publisher.port.js';
import { BrokerSessionsListener } from './broker-sessions.listener.js';
import { BrokerMetrics } from './broker.metrics.js';
import { BrokerService } from './broker.service.js';
import { MqttDeviceCommands } from './mqtt-device-commands.js';
import { MqttMessagePublisher } from './mqtt-message-publisher.js';
import { ServiceCredentials } from './service-credentials.js';

/**
 * The embedded broker, device commands over MQTT, and publishing on other topics
 * (alarm notifications) through MESSAGE_PUBLISHER. The broker's access policy
 * (BROKER_ACCESS_POLICY) comes from the device-identity feature, a global module:
 * the broker only asks it.
 */
@Module({
  providers: [
    BrokerService,
    BrokerMetrics,
    ServiceCredentials,
    BrokerSessionsListener,
    MqttDeviceCommands,
    { provide: DEVICE_COMMANDS, useExisting: MqttDeviceCommands },
    MqttMessagePublisher,
    { provide: MESSAGE_PUBLISHER, useExisting: MqttMessagePublisher },
  ],
  exports: [BrokerService, ServiceCredentials, DEVICE_COMMANDS, MESSAGE_PUBLISHER],
})
export class BrokerModule {}
