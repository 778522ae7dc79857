import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { TechniciansService } from './technicians.service.js';

/** Certification timer: warnings before expiries, expiries, suspensions when none is left. */
@Injectable()
export class CertificationsJob implements OnModuleInit {
  static readonly NAME = 'technicians.certifications';

  constructor(
    private readonly jobs: JobRunner,
    private readonly technicians: TechniciansService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: CertificationsJob.NAME,
      intervalMs: this.config.technicians.certificationIntervalMs,
      run: (now) => this.technicians.certificationTick(now),
    });
  }
}
