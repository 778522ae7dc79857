import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { DispatchService } from './dispatch.service.js';

/** Orders still waiting (nobody could take them when they opened) are dispatched again. */
@Injectable()
export class DispatchJob implements OnModuleInit {
  static readonly NAME = 'dispatch.waiting';

  constructor(
    private readonly jobs: JobRunner,
    private readonly dispatch: DispatchService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: DispatchJob.NAME,
      intervalMs: this.config.dispatch.intervalMs,
      run: (now) => this.dispatch.tick(now),
    });
  }
}
