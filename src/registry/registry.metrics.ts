import { Injectable } from '@nestjs/common';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import { importRowsCounter } from '../common/import-report.js';

/** Births of unknown devices and registry import rows. */
@Injectable()
export class RegistryMetrics {
  readonly births;
  readonly importRows;

  constructor(metrics: MetricsService) {
    this.births = metrics.counter({
      name: 'fleet_registry_births_total',
      help: 'Birth messages of devices not in the registry: registered, or left unknown (and why).',
      labelNames: ['outcome'] as const,
    });
    this.importRows = importRowsCounter(metrics);
  }
}
