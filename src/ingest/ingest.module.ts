import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module.js';
import { BrokerModule } from '../infrastructure/broker/broker.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { ReliabilityModule } from '../reliability/reliability.module.js';
import { IngestService } from './ingest.service.js';

@Module({
  imports: [BrokerModule, RegistryModule, DevicesModule, ReliabilityModule],
  providers: [IngestService],
  exports: [IngestService],
})
export class IngestModule {}
