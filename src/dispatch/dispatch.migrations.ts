import type { FeatureMigrations } from '../ports/records-database.port.js';

/**
 * Dispatch's tables (prefix `dispatch`): each technician's day plan (the route, as
 * a document, with the orders in it as an array to find a plan by order), and the
 * last decision about each order (proposals, or why nobody can take it).
 */
export const DISPATCH_MIGRATIONS: FeatureMigrations = {
  feature: 'dispatch',
  migrations: [
    `CREATE TABLE dispatch_plans (
       technician_id TEXT COLLATE "C" NOT NULL,
       day TEXT COLLATE "C" NOT NULL,
       order_ids TEXT[] NOT NULL,
       version INTEGER NOT NULL,
       updated_at BIGINT NOT NULL,
       doc JSONB NOT NULL,
       PRIMARY KEY (technician_id, day)
     );
     CREATE INDEX dispatch_plans_by_order ON dispatch_plans USING GIN (order_ids);
     CREATE INDEX dispatch_plans_by_day ON dispatch_plans (day);
     CREATE TABLE dispatch_decisions (
       order_id TEXT COLLATE "C" PRIMARY KEY,
       outcome TEXT NOT NULL,
       at BIGINT NOT NULL,
       doc JSONB NOT NULL
     );`,
  ],
};
