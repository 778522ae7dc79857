import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { PredictionScoringService } from './prediction-scoring.service.js';

/**
 * Scores failure risk every PREDICTION_SCORING_INTERVAL_MS on one replica, at the run's
 * time: `runNow('predictions.scoring', t)` scores at t (a simulation in simulated time).
 */
@Injectable()
export class PredictionScoringJob implements OnModuleInit {
  static readonly jobName = 'predictions.scoring';

  constructor(
    private readonly scoring: PredictionScoringService,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: PredictionScoringJob.jobName,
      intervalMs: this.config.predictions.scoringIntervalMs,
      run: (now) => this.scoring.score(now),
    });
  }
}
