import type { FeatureMigrations } from '../../ports/records-database.port.js';

/** One row per job (table `job_leases`): who holds its lease, until when. */
export const JOB_LEASE_MIGRATIONS: FeatureMigrations = {
  feature: 'jobs',
  migrations: [
    `CREATE TABLE job_leases (
       job TEXT COLLATE "C" PRIMARY KEY,
       holder TEXT NOT NULL,
       expires_at BIGINT NOT NULL
     );`,
  ],
};
