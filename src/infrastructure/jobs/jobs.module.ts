import { Global, Module } from '@nestjs/common';
import { RECORDS_DATABASE, type RecordsDatabase } from '../../ports/records-database.port.js';
import { JOB_LEASE_REPOSITORY } from './job-lease.repository.js';
import { JobRunner } from './job-runner.js';
import { SqlJobLeaseRepository } from './sql-job-lease.repository.js';

/** The job runner, for every feature's `*.job.ts`. */
@Global()
@Module({
  providers: [
    JobRunner,
    // in the records database: every replica sees the same leases
    {
      provide: JOB_LEASE_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlJobLeaseRepository(db),
    },
  ],
  exports: [JobRunner],
})
export class JobsModule {}
