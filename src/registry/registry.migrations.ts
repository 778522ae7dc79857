import type { FeatureMigrations } from '../ports/records-database.port.js';

/**
 * The fleet registry's tables (prefix `registry_`): whole records as JSON documents
 * (`json` keeps the text as written, so an unchanged import is detected by comparing
 * it), references as real foreign keys. Ids sort byte-wise (`COLLATE "C"`) whatever
 * the server's locale, so paging order is the same on PGlite and PostgreSQL.
 */
export const REGISTRY_MIGRATIONS: FeatureMigrations = {
  feature: 'registry',
  migrations: [
    `CREATE TABLE registry_customers (
       id TEXT COLLATE "C" PRIMARY KEY,
       doc JSON NOT NULL,
       updated_at BIGINT NOT NULL
     );
     CREATE TABLE registry_sites (
       id TEXT COLLATE "C" PRIMARY KEY,
       customer_id TEXT COLLATE "C" NOT NULL REFERENCES registry_customers (id),
       doc JSON NOT NULL,
       updated_at BIGINT NOT NULL
     );
     CREATE INDEX registry_sites_by_customer ON registry_sites (customer_id);
     CREATE TABLE registry_models (
       id TEXT COLLATE "C" PRIMARY KEY,
       doc JSON NOT NULL,
       updated_at BIGINT NOT NULL
     );
     CREATE TABLE registry_devices (
       id TEXT COLLATE "C" PRIMARY KEY,
       model_id TEXT COLLATE "C" NOT NULL REFERENCES registry_models (id),
       site_id TEXT COLLATE "C" REFERENCES registry_sites (id),
       doc JSON NOT NULL,
       updated_at BIGINT NOT NULL
     );
     CREATE INDEX registry_devices_by_model ON registry_devices (model_id);
     CREATE INDEX registry_devices_by_site ON registry_devices (site_id);`,
  ],
};
