import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { PROVISIONING_REJECT_REASONS } from '../contract/index.js';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** Device identity: credentials issued and provisioning requests, by outcome. */
@Injectable()
export class DeviceIdentityMetrics {
  readonly credentialsIssued: Counter<'kind' | 'via'>;
  readonly provisioning: Counter<'outcome'>;
  readonly brokerSyncFailures: Counter;

  constructor(metrics: MetricsService) {
    this.credentialsIssued = metrics.counter({
      name: 'fleet_device_credentials_issued_total',
      help: 'Broker credentials issued, by kind (device, gateway) and by whom (provisioning-key, api-key, cli, demo).',
      labelNames: ['kind', 'via'] as const,
    });
    this.provisioning = metrics.counter({
      name: 'fleet_provisioning_requests_total',
      help: 'Provisioning requests (MQTT and HTTP) with a valid key, by outcome: accepted or the reject reason.',
      labelNames: ['outcome'] as const,
    });
    this.brokerSyncFailures = metrics.counter({
      name: 'fleet_broker_sync_failures_total',
      help: 'Changes of device identity an external Mosquitto (MQTT_DYNSEC_SYNC) did not take: regenerate its file.',
    });
    for (const outcome of ['accepted', ...PROVISIONING_REJECT_REASONS]) this.provisioning.inc({ outcome }, 0);
  }
}
