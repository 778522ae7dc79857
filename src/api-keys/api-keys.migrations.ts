import type { FeatureMigrations } from '../ports/records-database.port.js';

/** API keys (table `api_keys`): the SHA-256 digest of each key, never the key. */
export const API_KEYS_MIGRATIONS: FeatureMigrations = {
  feature: 'api-keys',
  migrations: [
    `CREATE TABLE api_keys (
       id TEXT COLLATE "C" PRIMARY KEY,
       name TEXT NOT NULL,
       role TEXT NOT NULL,
       digest TEXT COLLATE "C" NOT NULL UNIQUE,
       prefix TEXT NOT NULL,
       created_at BIGINT NOT NULL,
       created_by TEXT NOT NULL,
       expires_at BIGINT,
       revoked_at BIGINT,
       last_used_at BIGINT
     );`,
  ],
};
