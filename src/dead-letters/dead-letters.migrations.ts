import type { FeatureMigrations } from '../ports/records-database.port.js';

/** Rejected input (table `dead_letters`), newest first by id, filtered by reason or device. */
export const DEAD_LETTERS_MIGRATIONS: FeatureMigrations = {
  feature: 'dead-letters',
  migrations: [
    `CREATE TABLE dead_letters (
       id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       received_at BIGINT NOT NULL,
       reason TEXT NOT NULL,
       detail TEXT NOT NULL,
       topic TEXT NOT NULL,
       device_id TEXT,
       payload TEXT NOT NULL,
       payload_bytes INTEGER NOT NULL
     );
     CREATE INDEX dead_letters_by_reason ON dead_letters (reason, id);
     CREATE INDEX dead_letters_by_device ON dead_letters (device_id, id);`,
  ],
};
