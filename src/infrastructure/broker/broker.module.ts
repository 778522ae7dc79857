import { Module } from '@nestjs/common';
import { BrokerSessionsListener } from './broker-sessions.listener.js';
import { BrokerMetrics } from './broker.metrics.js';
import { BrokerService } from './broker.service.js';
import { ServiceCredentials } from './service-credentials.js';

/**
 * The embedded broker. Its access policy (BROKER_ACCESS_POLICY) comes from the
 * device-identity feature, a global module: the broker only asks it.
 */
@Module({
  providers: [BrokerService, BrokerMetrics, ServiceCredentials, BrokerSessionsListener],
  exports: [BrokerService, ServiceCredentials],
})
export class BrokerModule {}
