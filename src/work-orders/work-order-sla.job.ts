import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { WorkOrdersService } from './work-orders.service.js';

/** SLA timers: warnings before breaches, breaches, and commands to resend. */
@Injectable()
export class WorkOrderSlaJob implements OnModuleInit {
  static readonly NAME = 'work-orders.sla';

  constructor(
    private readonly jobs: JobRunner,
    private readonly orders: WorkOrdersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: WorkOrderSlaJob.NAME,
      intervalMs: this.config.workOrders.slaIntervalMs,
      run: (now) => this.orders.slaTick(now),
    });
  }
}
