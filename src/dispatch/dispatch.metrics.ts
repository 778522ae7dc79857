import { Injectable } from '@nestjs/common';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** Dispatch decisions and day plans that another writer changed first. */
@Injectable()
export class DispatchMetrics {
  readonly decisions;
  readonly planConflicts;

  constructor(metrics: MetricsService) {
    this.decisions = metrics.counter({
      name: 'fleet_dispatch_decisions_total',
      help: 'Dispatch decisions by outcome (assigned, proposed, unassignable) and strategy.',
      labelNames: ['outcome', 'strategy'] as const,
    });
    this.planConflicts = metrics.counter({
      name: 'fleet_dispatch_plan_conflicts_total',
      help: 'Day plans changed by another writer while dispatch planned them (the attempt starts again).',
    });
  }
}
