import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { PredictionTrainingService, type TrainingRunSummary } from './prediction-training.service.js';

/**
 * Every PREDICTION_TRAINING_INTERVAL_MS on one replica: refits the prediction model when
 * it is due (PREDICTION_RETRAIN_DAYS, PREDICTION_RETRAIN_FAILURE_GROWTH). `runForced`
 * trains whether due or not, under the same lease.
 */
@Injectable()
export class PredictionTrainingJob implements OnModuleInit {
  static readonly jobName = 'predictions.training';
  private forced = false;

  constructor(
    private readonly training: PredictionTrainingService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: PredictionTrainingJob.jobName,
      intervalMs: this.config.predictions.trainingIntervalMs,
      run: (now) => {
        const forced = this.forced;
        this.forced = false;
        return forced ? this.training.train(now) : this.training.trainIfDue(now);
      },
    });
  }

  /** Trains now on this replica (409 when another holds the job). */
  runForced(now = Date.now()): Promise<TrainingRunSummary> {
    this.forced = true;
    return this.jobs.runNow(PredictionTrainingJob.jobName, now) as Promise<TrainingRunSummary>;
  }
}
