import type { FeatureMigrations } from '../ports/records-database.port.js';

/**
 * Devices seen on MQTT (table `devices_seen`): first and last message, connection state
 * (status messages, data, the presence sweep), the reporting interval from the birth.
 */
export const DEVICES_MIGRATIONS: FeatureMigrations = {
  feature: 'devices',
  migrations: [
    `CREATE TABLE devices_seen (
       device_id TEXT COLLATE "C" PRIMARY KEY,
       first_seen BIGINT NOT NULL,
       last_seen BIGINT NOT NULL,
       online BOOLEAN,
       status_changed_at BIGINT,
       model TEXT,
       firmware TEXT,
       serial TEXT,
       reporting_interval_ms BIGINT
     );`,
  ],
};
