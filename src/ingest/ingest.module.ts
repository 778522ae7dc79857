import { Module } from '@nestjs/common';
import { BrokerModule } from '../infrastructure/broker/broker.module.js';
import { IngestMetrics } from './ingest.metrics.js';
import { IngestService } from './ingest.service.js';

@Module({ imports: [BrokerModule], providers: [IngestService, IngestMetrics], exports: [IngestService] })
export class IngestModule {}
