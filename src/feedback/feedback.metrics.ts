import { Injectable } from '@nestjs/common';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** Uses of feedback links. */
@Injectable()
export class FeedbackMetrics {
  readonly answers;

  constructor(metrics: MetricsService) {
    this.answers = metrics.counter({
      name: 'fleet_feedback_answers_total',
      help: 'Feedback link uses, by outcome (recorded, used, expired, unknown).',
      labelNames: ['outcome'] as const,
    });
  }
}
