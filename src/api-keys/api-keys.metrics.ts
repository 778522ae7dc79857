import { Injectable } from '@nestjs/common';
import type { Counter, Gauge } from 'prom-client';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import { AUTH_FAILURE_REASONS } from './api-key.service.js';

export const HTTP_AUTH_FAILURES = [...AUTH_FAILURE_REASONS, 'forbidden', 'too_many_failures'] as const;

/** Failed authentications and authorisations on the HTTP API. */
@Injectable()
export class ApiKeysMetrics {
  readonly authFailures: Counter<'reason'>;

  constructor(metrics: MetricsService) {
    this.authFailures = metrics.counter({
      name: 'fleet_http_auth_failures_total',
      help: 'HTTP requests refused for their key, by reason: missing_key, invalid_key, revoked_key, expired_key (401), forbidden (403, the role does not allow it), too_many_failures (429).',
      labelNames: ['reason'] as const,
    });
    for (const reason of HTTP_AUTH_FAILURES) this.authFailures.inc({ reason }, 0);
  }

  /** Sources whose failures are being slowed down (read at scrape time). */
  trackThrottle(read: () => number, metrics: MetricsService): void {
    const gauge: Gauge = metrics.gauge({
      name: 'fleet_auth_throttled_sources',
      help: 'Addresses with recent failed authentications (HTTP and MQTT), whose next failures are answered late.',
      collect: () => gauge.set(read()),
    });
  }
}
