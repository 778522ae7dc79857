import type { FeatureMigrations } from '../ports/records-database.port.js';

/**
 * Work orders' tables (prefix `work_order`): each order a JSON document with the
 * columns lists filter on; one open order per device and dedupe key, enforced by a
 * partial unique index; history append-only; maintenance plans and each device's
 * progress on them; the diagnosis knowledge learned from history.
 */
export const WORK_ORDER_MIGRATIONS: FeatureMigrations = {
  feature: 'work-orders',
  migrations: [
    `CREATE SEQUENCE work_order_numbers;
     CREATE TABLE work_orders (
       id TEXT COLLATE "C" PRIMARY KEY,
       device_id TEXT COLLATE "C" NOT NULL,
       dedupe_key TEXT COLLATE "C" NOT NULL,
       is_open BOOLEAN NOT NULL,
       status TEXT NOT NULL,
       kind TEXT NOT NULL,
       priority TEXT NOT NULL,
       component TEXT COLLATE "C",
       customer_id TEXT COLLATE "C",
       site_id TEXT COLLATE "C",
       assignee TEXT COLLATE "C",
       created_at BIGINT NOT NULL,
       updated_at BIGINT NOT NULL,
       version INTEGER NOT NULL,
       doc JSONB NOT NULL
     );
     CREATE UNIQUE INDEX work_orders_one_open ON work_orders (device_id, dedupe_key) WHERE is_open;
     CREATE INDEX work_orders_by_created ON work_orders (created_at DESC, id DESC);
     CREATE INDEX work_orders_by_device ON work_orders (device_id, created_at DESC);
     CREATE INDEX work_orders_open ON work_orders (id) WHERE is_open;
     CREATE TABLE work_order_history (
       id BIGSERIAL PRIMARY KEY,
       order_id TEXT COLLATE "C" NOT NULL REFERENCES work_orders (id) ON DELETE CASCADE,
       change JSONB NOT NULL
     );
     CREATE INDEX work_order_history_by_order ON work_order_history (order_id, id);
     CREATE TABLE work_order_plans (
       id TEXT COLLATE "C" PRIMARY KEY,
       model_id TEXT COLLATE "C" NOT NULL,
       doc JSONB NOT NULL
     );
     CREATE INDEX work_order_plans_by_model ON work_order_plans (model_id);
     CREATE TABLE work_order_plan_progress (
       plan_id TEXT COLLATE "C" NOT NULL REFERENCES work_order_plans (id) ON DELETE CASCADE,
       device_id TEXT COLLATE "C" NOT NULL,
       last_done_at BIGINT NOT NULL,
       last_done_usage DOUBLE PRECISION,
       pulled_forward_at BIGINT,
       PRIMARY KEY (plan_id, device_id)
     );
     CREATE INDEX work_order_plan_progress_by_device ON work_order_plan_progress (device_id);
     CREATE TABLE work_order_diagnosis_knowledge (
       id INTEGER PRIMARY KEY CHECK (id = 1),
       learned_at BIGINT NOT NULL,
       knowledge JSONB NOT NULL
     );`,
  ],
};
