import { Injectable } from '@nestjs/common';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** Pay lines recorded and certification alerts raised. */
@Injectable()
export class TechniciansMetrics {
  readonly payLines;
  readonly certificationAlerts;

  constructor(metrics: MetricsService) {
    this.payLines = metrics.counter({
      name: 'fleet_technician_pay_lines_total',
      help: 'Completed visits turned into pay lines (recorded), or not (unknown-technician, duplicate).',
      labelNames: ['outcome'] as const,
    });
    this.certificationAlerts = metrics.counter({
      name: 'fleet_technician_certification_alerts_total',
      help: 'Certification alerts raised, by kind (expiring, expired, suspended).',
      labelNames: ['kind'] as const,
    });
  }
}
