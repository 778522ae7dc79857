import { Module } from '@nestjs/common';
import { DEVICE_COMMANDS } from '../../ports/device-commands.port.js';
import { BrokerSessionsListener } from './broker-sessions.listener.js';
import { BrokerMetrics } from './broker.metrics.js';
import { BrokerService } from './broker.service.js';
import { MqttDeviceCommands } from './mqtt-device-commands.js';
import { ServiceCredentials } from './service-credentials.js';

/**
 * The embedded broker, and device commands over MQTT. The broker's access policy
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
  ],
  exports: [BrokerService, ServiceCredentials, DEVICE_COMMANDS],
})
export class BrokerModule {}
