import type { FeatureMigrations } from '../ports/records-database.port.js';

/**
 * Feedback's tables (prefix `feedback`): one request per completed visit, found by
 * the hash of its single-use token (the token itself is never stored), answered
 * once; and the last loyalty risk published per customer.
 */
export const FEEDBACK_MIGRATIONS: FeatureMigrations = {
  feature: 'feedback',
  migrations: [
    `CREATE SEQUENCE feedback_request_numbers;
     CREATE TABLE feedback_requests (
       id TEXT COLLATE "C" PRIMARY KEY,
       token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
       order_id TEXT COLLATE "C" NOT NULL,
       visit_at BIGINT NOT NULL,
       customer_id TEXT COLLATE "C",
       technician_id TEXT COLLATE "C",
       created_at BIGINT NOT NULL,
       expires_at BIGINT NOT NULL,
       answered_at BIGINT,
       rating SMALLINT,
       doc JSONB NOT NULL
     );
     CREATE UNIQUE INDEX feedback_requests_one_per_visit ON feedback_requests (order_id, visit_at);
     CREATE INDEX feedback_requests_by_customer ON feedback_requests (customer_id, answered_at);
     CREATE INDEX feedback_requests_by_technician ON feedback_requests (technician_id, answered_at);
     CREATE TABLE feedback_loyalty (
       customer_id TEXT COLLATE "C" PRIMARY KEY,
       score DOUBLE PRECISION NOT NULL,
       band TEXT NOT NULL,
       at BIGINT NOT NULL
     );`,
  ],
};
