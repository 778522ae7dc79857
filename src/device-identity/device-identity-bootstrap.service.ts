import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DeviceIdentityService } from './device-identity.service.js';

/** PROVISIONING_BOOTSTRAP_KEY, when set, is a valid provisioning key before the broker takes connections. */
@Injectable()
export class DeviceIdentityBootstrap implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly identities: DeviceIdentityService,
  ) {}

  async onModuleInit(): Promise<void> {
    const { provisioningBootstrapKey, provisioningBootstrapModels } = this.config.security;
    if (provisioningBootstrapKey)
      await this.identities.ensureProvisioningKey(provisioningBootstrapKey, provisioningBootstrapModels);
  }
}
