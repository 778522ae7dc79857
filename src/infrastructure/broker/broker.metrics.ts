import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service.js';
import { MQTT_REFUSAL_REASONS } from './broker-access.policy.js';

/** What the embedded broker refused, by reason. */
@Injectable()
export class BrokerMetrics {
  readonly refused: Counter<'reason'>;

  constructor(metrics: MetricsService) {
    this.refused = new Counter({
      name: 'fleet_mqtt_refused_total',
      help: 'Refused by the embedded broker, by reason: connects (credentials, ids, takeovers), publishes and subscriptions outside the ACL, oversize packets, sockets that never sent CONNECT.',
      labelNames: ['reason'],
      registers: [metrics.registry],
    });
    // every reason shows at 0 from the start, so alerts can use rate()
    for (const reason of MQTT_REFUSAL_REASONS) this.refused.inc({ reason }, 0);
  }
}
