import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { JobRunner } from '../../infrastructure/jobs/job-runner.js';
import { DiagnosisService } from './diagnosis.service.js';

/** Relearns which replacement ends which symptom from the service history. */
@Injectable()
export class DiagnosisLearningJob implements OnModuleInit {
  static readonly NAME = 'work-orders.diagnosis-learning';

  constructor(
    private readonly jobs: JobRunner,
    private readonly diagnosis: DiagnosisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: DiagnosisLearningJob.NAME,
      intervalMs: this.config.workOrders.learnIntervalMs,
      run: (now) => this.diagnosis.learn(now),
    });
  }
}
