import type { FeatureMigrations } from '../ports/records-database.port.js';

/**
 * Technicians' tables (prefix `technician`): each technician a JSON document with the
 * columns lists filter on, their history append-only, the certification requirements
 * of work, and the pay lines of completed visits (one per order and completion, at
 * the rates of the day).
 */
export const TECHNICIAN_MIGRATIONS: FeatureMigrations = {
  feature: 'technicians',
  migrations: [
    `CREATE TABLE technicians (
       id TEXT COLLATE "C" PRIMARY KEY,
       status TEXT NOT NULL,
       employment TEXT NOT NULL,
       version INTEGER NOT NULL,
       updated_at BIGINT NOT NULL,
       doc JSONB NOT NULL
     );
     CREATE INDEX technicians_by_status ON technicians (status, id);
     CREATE TABLE technician_history (
       id BIGSERIAL PRIMARY KEY,
       technician_id TEXT COLLATE "C" NOT NULL REFERENCES technicians (id) ON DELETE CASCADE,
       change JSONB NOT NULL
     );
     CREATE INDEX technician_history_by_technician ON technician_history (technician_id, id);
     CREATE TABLE technician_certification_requirements (
       id TEXT COLLATE "C" PRIMARY KEY,
       doc JSONB NOT NULL
     );
     CREATE TABLE technician_pay_lines (
       order_id TEXT COLLATE "C" NOT NULL,
       completed_at BIGINT NOT NULL,
       technician_id TEXT COLLATE "C" NOT NULL,
       doc JSONB NOT NULL,
       PRIMARY KEY (order_id, completed_at)
     );
     CREATE INDEX technician_pay_lines_by_technician ON technician_pay_lines (technician_id, completed_at);`,
  ],
};
