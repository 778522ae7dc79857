import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
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
    const registers = [metrics.registry];
    this.alerts = new Counter({
      name: 'fleet_prediction_alerts_total',
      help: 'Prediction alerts published, by transition (raised, cleared).',
      labelNames: ['transition'],
      registers,
    });
    this.alerting = new Gauge({
      name: 'fleet_prediction_alerting_components',
      help: 'Components whose prediction alert is raised, after the last scoring run.',
      registers,
    });
    this.scoredComponents = new Counter({
      name: 'fleet_prediction_scored_components_total',
      help: 'Device components scored.',
      registers,
    });
    this.cacheDevices = new Gauge({
      name: 'fleet_prediction_cache_devices',
      help: 'Devices whose recent history the scoring job holds in memory (this replica).',
      registers,
    });
    this.cacheRows = new Gauge({
      name: 'fleet_prediction_cache_rows',
      help: 'Daily aggregate rows plus events the scoring job holds in memory (this replica).',
      registers,
    });
    this.modelTrainedAsOf = new Gauge({
      name: 'fleet_prediction_model_trained_as_of_timestamp_seconds',
      help: 'The data the prediction model in use was trained up to; now minus this is its age.',
      registers,
    });
    this.trainings = new Counter({
      name: 'fleet_prediction_trainings_total',
      help: 'Prediction models trained and recorded, by basis (condition-and-life, life, catalog-prior).',
      labelNames: ['basis'],
      registers,
    });
    for (const transition of ['raised', 'cleared']) this.alerts.inc({ transition }, 0);
  }
}
