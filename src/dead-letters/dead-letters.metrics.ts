import { Injectable } from '@nestjs/common';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import { DEAD_LETTER_REASONS } from '../ports/records.js';

/** Rejected input by reason: what an operator alerts on. */
@Injectable()
export class DeadLettersMetrics {
  readonly rejected;

  constructor(metrics: MetricsService) {
    this.rejected = metrics.counter({
      name: 'fleet_ingest_rejected_total',
      help: 'Rejected items (dead letters), by reason.',
      labelNames: ['reason'] as const,
    });
    // every reason shows up at 0 before its first reject, so alerts can use rate()
    for (const reason of DEAD_LETTER_REASONS) this.rejected.inc({ reason }, 0);
  }
}
