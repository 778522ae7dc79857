import { Module } from '@nestjs/common';
import { BrokerModule } from '../infrastructure/broker/broker.module.js';
import { IngestService } from './ingest.service.js';

@Module({ imports: [BrokerModule], providers: [IngestService], exports: [IngestService] })
export class IngestModule {}
