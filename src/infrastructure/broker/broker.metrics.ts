import { Injectable } from '@nestjs/common';
import type { Counter, Gauge } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service.js';
import { MQTT_REFUSAL_REASONS } from './broker-access.policy.js';

/** The embedded broker: clients connected, and what it refused, by reason. */
@Injectable()
export class BrokerMetrics {
  readonly refused: Counter<'reason'>;
  readonly clients: Gauge;

  constructor(metrics: MetricsService) {
    this.refused = metrics.counter({
      name: 'fleet_mqtt_refused_total',
      help: 'Refused by the embedded broker, by reason: connects (credentials, ids, takeovers), publishes and subscriptions outside the ACL, oversize packets, sockets that never sent CONNECT.',
      labelNames: ['reason'] as const,
    });
    // every reason shows at 0 from the start, so alerts can use rate()
    for (const reason of MQTT_REFUSAL_REASONS) this.refused.inc({ reason }, 0);
    this.clients = metrics.gauge({
      name: 'fleet_broker_clients',
      help: 'Clients connected to the embedded broker.',
    });
  }
}
