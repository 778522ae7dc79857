import type { FeatureMigrations } from '../ports/records-database.port.js';

/** Webhook subscriptions and the outbox (prefix `webhook_`). */
export const WEBHOOK_MIGRATIONS: FeatureMigrations = {
  feature: 'webhooks',
  migrations: [
    `CREATE TABLE webhook_subscriptions (
       id TEXT COLLATE "C" PRIMARY KEY,
       url TEXT NOT NULL,
       secret TEXT NOT NULL,
       events JSONB NOT NULL,
       description TEXT,
       active BOOLEAN NOT NULL,
       created_at BIGINT NOT NULL
     );
     CREATE TABLE webhook_deliveries (
       seq BIGSERIAL PRIMARY KEY,
       delivery_id TEXT COLLATE "C" NOT NULL UNIQUE,
       subscription_id TEXT COLLATE "C" NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
       event TEXT NOT NULL,
       body TEXT NOT NULL,
       created_at BIGINT NOT NULL,
       status TEXT NOT NULL,
       attempts INTEGER NOT NULL DEFAULT 0,
       next_attempt_at BIGINT NOT NULL,
       last_status INTEGER,
       last_error TEXT,
       delivered_at BIGINT
     );
     CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (subscription_id, seq) WHERE status = 'pending';
     CREATE INDEX webhook_deliveries_by_status ON webhook_deliveries (status, seq);`,
  ],
};
