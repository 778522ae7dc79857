import { Global, Module } from '@nestjs/common';
import { InMemoryJobLeaseRepository } from './in-memory-job-lease.repository.js';
import { JOB_LEASE_REPOSITORY } from './job-lease.repository.js';
import { JobRunner } from './job-runner.js';

/** The job runner, for every feature's `*.job.ts`. */
@Global()
@Module({
  providers: [
    JobRunner,
    { provide: JOB_LEASE_REPOSITORY, useFactory: () => new InMemoryJobLeaseRepository() },
  ],
  exports: [JobRunner],
})
export class JobsModule {}
