import { Injectable } from '@nestjs/common';
import type { Counter, Gauge } from 'prom-client';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** What an operator graphs of failure predictions (the jobs' runs and durations are the job runner's). */
@Injectable()
export class PredictionsMetrics {
  readonly alerts: Counter<'transition'>;
  readonly alerting: Gauge;
  readonly scoredComponents: Counter;
  readonly cacheDevices: Gauge;
  readonly cacheRows: Gauge;
  readonly modelTrainedAsOf: Gauge;
  readonly trainings: Counter<'basis'>;

  constructor(metrics: MetricsService) {
    this.alerts = metrics.counter({
      name: 'fleet_prediction_alerts_total',
      help: 'Prediction alerts published, by transition (raised, cleared).',
      labelNames: ['transition'] as const,
    });
    this.alerting = metrics.gauge({
      name: 'fleet_prediction_alerting_components',
      help: 'Components whose prediction alert is raised, after the last scoring run.',
    });
    this.scoredComponents = metrics.counter({
      name: 'fleet_prediction_scored_components_total',
      help: 'Device components scored.',
    });
    this.cacheDevices = metrics.gauge({
      name: 'fleet_prediction_cache_devices',
      help: 'Devices whose recent history the scoring job holds in memory (this replica).',
    });
    this.cacheRows = metrics.gauge({
      name: 'fleet_prediction_cache_rows',
      help: 'Daily aggregate rows plus events the scoring job holds in memory (this replica).',
    });
    this.modelTrainedAsOf = metrics.gauge({
      name: 'fleet_prediction_model_trained_as_of_timestamp_seconds',
      help: 'The data the prediction model in use was trained up to; now minus this is its age.',
    });
    this.trainings = metrics.counter({
      name: 'fleet_prediction_trainings_total',
      help: 'Prediction models trained and recorded, by basis (condition-and-life, life, catalog-prior).',
      labelNames: ['basis'] as const,
    });
    for (const transition of ['raised', 'cleared']) this.alerts.inc({ transition }, 0);
  }
}
