import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { DEAD_LETTERS_TYPE, DEFAULT_FLOOD_RULE } from './alarm-rules.js';
import { AlarmsService } from './alarms.service.js';

/** Clears dead-letter flood alarms after a quiet spell (DEFAULT_FLOOD_RULE.quietMs), once a minute, on one replica. */
@Injectable()
export class AlarmsQuietJob implements OnModuleInit {
  static readonly jobName = 'alarms-quiet';

  constructor(
    private readonly alarms: AlarmsService,
    private readonly jobs: JobRunner,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: AlarmsQuietJob.jobName,
      intervalMs: 60_000,
      run: (now) =>
        this.alarms.clearQuiet(
          DEAD_LETTERS_TYPE,
          now - DEFAULT_FLOOD_RULE.quietMs,
          `no flood for ${DEFAULT_FLOOD_RULE.quietMs / 60_000} min`,
          now,
        ),
    });
  }
}
