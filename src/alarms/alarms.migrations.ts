import type { FeatureMigrations } from '../ports/records-database.port.js';

/** The alarms feature's tables (docs/records.md: append only). */
export const ALARMS_MIGRATIONS: FeatureMigrations = {
  feature: 'alarms',
  migrations: [
    `CREATE TABLE alarms (
       id TEXT COLLATE "C" PRIMARY KEY,
       device_id TEXT COLLATE "C" NOT NULL,
       type TEXT COLLATE "C" NOT NULL,
       severity TEXT NOT NULL,
       severity_rank SMALLINT NOT NULL,
       status TEXT NOT NULL,
       acknowledged BOOLEAN NOT NULL,
       acknowledged_at BIGINT,
       acknowledged_by TEXT,
       first_raised_at BIGINT NOT NULL,
       last_raised_at BIGINT NOT NULL,
       count INTEGER NOT NULL,
       cleared_at BIGINT,
       message TEXT NOT NULL,
       details JSON NOT NULL,
       customer_id TEXT COLLATE "C",
       site_id TEXT COLLATE "C",
       assignee TEXT,
       work_order_id TEXT COLLATE "C",
       version INTEGER NOT NULL,
       updated_at BIGINT NOT NULL
     );
     CREATE UNIQUE INDEX alarms_one_active ON alarms (device_id, type) WHERE status = 'active';
     CREATE INDEX alarms_by_rank ON alarms (severity_rank DESC, last_raised_at DESC, id DESC);
     CREATE INDEX alarms_by_device ON alarms (device_id, last_raised_at);
     CREATE INDEX alarms_by_work_order ON alarms (work_order_id) WHERE work_order_id IS NOT NULL;
     CREATE TABLE alarms_history (
       alarm_id TEXT COLLATE "C" NOT NULL,
       seq BIGINT GENERATED ALWAYS AS IDENTITY,
       at BIGINT NOT NULL,
       actor TEXT NOT NULL,
       action TEXT NOT NULL,
       note TEXT,
       PRIMARY KEY (alarm_id, seq)
     );
     CREATE TABLE alarms_notification_rules (
       id TEXT COLLATE "C" PRIMARY KEY,
       created_at BIGINT NOT NULL,
       doc JSON NOT NULL
     );`,
  ],
};
