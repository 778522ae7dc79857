import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { SignalEvaluationService, type SignalRunSummary } from './signal-evaluation.service.js';

/**
 * The rules, evaluated on one replica (the job's lease): every SIGNALS_EVALUATE_INTERVAL_MS
 * over the devices with new data, over every device once a SIGNALS_FULL_SWEEP_INTERVAL_MS.
 */
@Injectable()
export class SignalsEvaluationJob implements OnModuleInit {
  static readonly NAME = 'signals.evaluate';
  private fullRequested = false;

  constructor(
    private readonly jobs: JobRunner,
    private readonly evaluation: SignalEvaluationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: SignalsEvaluationJob.NAME,
      intervalMs: this.config.signals.evaluateIntervalMs,
      run: (now) => {
        const full = this.fullRequested;
        this.fullRequested = false;
        return this.evaluation.run(now, { full });
      },
    });
  }

  /** Runs the evaluation now on this replica (409 while another holds the job); `full` looks at every device. */
  async runNow(full: boolean, now = Date.now()): Promise<SignalRunSummary> {
    this.fullRequested = this.fullRequested || full;
    return (await this.jobs.runNow(SignalsEvaluationJob.NAME, now)) as SignalRunSummary;
  }
}
