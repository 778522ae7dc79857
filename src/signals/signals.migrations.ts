import type { FeatureMigrations } from '../ports/records-database.port.js';

/**
 * Upsell signals (prefix `signals`): each signal a JSON document with the columns
 * lists filter and roll up by. At most one active signal per customer and offer key
 * (a partial unique index: two replicas or an overt request racing the job cannot make
 * a second). Devices with new data since the last evaluation, and the evaluation's
 * own state (the last full sweep).
 */
export const SIGNALS_MIGRATIONS: FeatureMigrations = {
  feature: 'signals',
  migrations: [
    `CREATE TABLE signals (
       id TEXT COLLATE "C" PRIMARY KEY,
       customer_id TEXT COLLATE "C" NOT NULL,
       offer_key TEXT COLLATE "C" NOT NULL,
       offer_kind TEXT NOT NULL,
       status TEXT NOT NULL,
       kind TEXT NOT NULL,
       rule TEXT NOT NULL,
       rules TEXT[] NOT NULL,
       site_id TEXT COLLATE "C",
       device_ids TEXT[] NOT NULL,
       estimated_value DOUBLE PRECISION NOT NULL,
       raised_at BIGINT NOT NULL,
       closed_at BIGINT,
       version INTEGER NOT NULL,
       doc JSON NOT NULL
     );
     CREATE UNIQUE INDEX signals_one_active ON signals (customer_id, offer_key)
       WHERE status IN ('open', 'acknowledged', 'offered');
     CREATE INDEX signals_by_raised ON signals (raised_at, id);
     CREATE INDEX signals_by_customer ON signals (customer_id, offer_key, closed_at);
     CREATE INDEX signals_by_device ON signals USING GIN (device_ids);
     CREATE TABLE signals_dirty (device_id TEXT COLLATE "C" PRIMARY KEY, marked_at BIGINT NOT NULL);
     CREATE TABLE signals_state (key TEXT COLLATE "C" PRIMARY KEY, value BIGINT NOT NULL);`,
  ],
};
