import { Injectable } from '@nestjs/common';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** The KPI ledger's runs and how far it has got. */
@Injectable()
export class ReliabilityMetrics {
  readonly refreshSeconds;
  readonly refreshFailures;
  readonly computedThrough;

  constructor(metrics: MetricsService) {
    this.refreshSeconds = metrics.histogram({
      name: 'fleet_kpi_refresh_duration_seconds',
      help: 'Time one incremental KPI ledger run took.',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    });
    this.refreshFailures = metrics.counter({
      name: 'fleet_kpi_refresh_failures_total',
      help: 'KPI ledger runs that failed (retried at the next interval).',
    });
    this.computedThrough = metrics.gauge({
      name: 'fleet_kpi_computed_through_timestamp_seconds',
      help: 'Time the KPI ledger is computed up to; now minus this is how stale the KPIs are.',
    });
  }
}
