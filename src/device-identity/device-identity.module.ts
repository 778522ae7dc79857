import { Global, Module } from '@nestjs/common';
import { BrokerModule } from '../infrastructure/broker/broker.module.js';
import { BROKER_ACCESS_POLICY } from '../infrastructure/broker/broker-access.policy.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { RegistryModule } from '../registry/registry.module.js';
import { CredentialsController } from './credentials.controller.js';
import { DEVICE_IDENTITY_REPOSITORY } from './device-identity.repository.js';
import { DeviceIdentityBootstrap } from './device-identity-bootstrap.service.js';
import { DeviceIdentityMetrics } from './device-identity.metrics.js';
import { DeviceIdentityService } from './device-identity.service.js';
import { MosquittoSync } from './mosquitto-sync.service.js';
import { MqttAccessPolicy } from './mqtt-access.policy.js';
import { ProvisioningKeyGuard } from './provisioning-key.guard.js';
import { ProvisioningKeysController } from './provisioning-keys.controller.js';
import { ProvisioningResponder } from './provisioning-responder.js';
import { ProvisioningController } from './provisioning.controller.js';
import { SqlDeviceIdentityRepository } from './sql-device-identity.repository.js';

/**
 * Device identity: broker credentials, provisioning (MQTT and HTTP), and the
 * embedded broker's access policy. Global, because the broker (infrastructure)
 * asks BROKER_ACCESS_POLICY without importing a feature.
 */
@Global()
@Module({
  imports: [BrokerModule, RegistryModule],
  controllers: [CredentialsController, ProvisioningKeysController, ProvisioningController],
  providers: [
    DeviceIdentityService,
    DeviceIdentityMetrics,
    DeviceIdentityBootstrap,
    MqttAccessPolicy,
    MosquittoSync,
    ProvisioningKeyGuard,
    ProvisioningResponder,
    { provide: BROKER_ACCESS_POLICY, useExisting: MqttAccessPolicy },
    {
      provide: DEVICE_IDENTITY_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlDeviceIdentityRepository(db),
    },
  ],
  exports: [DeviceIdentityService, BROKER_ACCESS_POLICY],
})
export class DeviceIdentityModule {}
