import type { FeatureMigrations } from '../ports/records-database.port.js';

/**
 * Failure predictions' records (prefix `predictions_`): each trained model (its record
 * with the backtest report, and its JSON), the current risk per device × component (the
 * ranking's columns, denormalised at scoring time, and the whole answer as `doc`), and
 * the scoring job's bookkeeping (late-data marks, the watermark). The risk over time is a
 * series in the time-series store (`risk`).
 */
export const PREDICTIONS_MIGRATIONS: FeatureMigrations = {
  feature: 'predictions',
  migrations: [
    `CREATE TABLE predictions_models (
       version TEXT COLLATE "C" PRIMARY KEY,
       trained_at BIGINT NOT NULL,
       record JSON NOT NULL,
       model JSON NOT NULL
     );
     CREATE INDEX predictions_models_by_time ON predictions_models (trained_at, version);
     CREATE TABLE predictions_risk (
       device_id TEXT COLLATE "C" NOT NULL,
       component TEXT COLLATE "C" NOT NULL,
       model_id TEXT COLLATE "C" NOT NULL,
       site_id TEXT COLLATE "C",
       customer_id TEXT COLLATE "C",
       alert BOOLEAN NOT NULL,
       horizons INTEGER[] NOT NULL,
       probabilities DOUBLE PRECISION[] NOT NULL,
       doc JSON NOT NULL,
       PRIMARY KEY (device_id, component)
     );
     CREATE TABLE predictions_late (device_id TEXT COLLATE "C" PRIMARY KEY, from_ts BIGINT NOT NULL);
     CREATE TABLE predictions_state (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);`,
  ],
};
