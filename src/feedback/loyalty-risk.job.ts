import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { FeedbackService } from './feedback.service.js';

/** Loyalty risk of every customer active in the window, again: time moves old ratings and breaches out of it. */
@Injectable()
export class LoyaltyRiskJob implements OnModuleInit {
  static readonly NAME = 'feedback.loyalty-risk';

  constructor(
    private readonly jobs: JobRunner,
    private readonly feedback: FeedbackService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: LoyaltyRiskJob.NAME,
      intervalMs: this.config.feedback.riskIntervalMs,
      run: (now) => this.feedback.loyaltyTick(now),
    });
  }
}
