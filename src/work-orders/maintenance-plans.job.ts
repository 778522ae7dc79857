import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { MaintenancePlansService } from './maintenance-plans.service.js';

/** Opens preventive orders for plans coming due. */
@Injectable()
export class MaintenancePlansJob implements OnModuleInit {
  static readonly NAME = 'work-orders.maintenance-plans';

  constructor(
    private readonly jobs: JobRunner,
    private readonly plans: MaintenancePlansService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: MaintenancePlansJob.NAME,
      intervalMs: this.config.workOrders.pmIntervalMs,
      run: (now) => this.plans.openDue(now),
    });
  }
}
