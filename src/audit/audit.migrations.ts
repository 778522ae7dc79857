import type { FeatureMigrations } from '../ports/records-database.port.js';

/** The audit log (table `audit_log`): append-only, newest read first. */
export const AUDIT_MIGRATIONS: FeatureMigrations = {
  feature: 'audit',
  migrations: [
    `CREATE TABLE audit_log (
       id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       at BIGINT NOT NULL,
       actor TEXT COLLATE "C" NOT NULL,
       actor_name TEXT,
       role TEXT,
       action TEXT NOT NULL,
       target TEXT,
       status INTEGER NOT NULL,
       source TEXT
     );
     CREATE INDEX audit_log_by_actor ON audit_log (actor, id);
     CREATE INDEX audit_log_by_at ON audit_log (at);`,
  ],
};
