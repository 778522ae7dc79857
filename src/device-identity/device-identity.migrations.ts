import type { FeatureMigrations } from '../ports/records-database.port.js';

/**
 * Device identity's tables (prefix `device_identity_`): broker credentials of
 * devices and gateways, and provisioning keys. Secrets only as PBKDF2 hashes.
 */
export const DEVICE_IDENTITY_MIGRATIONS: FeatureMigrations = {
  feature: 'device-identity',
  migrations: [
    `CREATE TABLE device_identity_credentials (
       id TEXT COLLATE "C" PRIMARY KEY,
       kind TEXT NOT NULL CHECK (kind IN ('device', 'gateway')),
       secret_hash TEXT,
       certificate_fingerprint TEXT,
       enabled BOOLEAN NOT NULL,
       devices TEXT[] NOT NULL DEFAULT '{}',
       customer_id TEXT,
       model_id TEXT,
       issued_by TEXT NOT NULL,
       created_at BIGINT NOT NULL,
       updated_at BIGINT NOT NULL
     );
     CREATE INDEX device_identity_credentials_by_kind ON device_identity_credentials (kind, id);
     CREATE TABLE device_identity_provisioning_keys (
       id TEXT COLLATE "C" PRIMARY KEY,
       name TEXT NOT NULL,
       secret_hash TEXT NOT NULL,
       models TEXT[],
       customer_id TEXT,
       max_devices INTEGER,
       devices_provisioned INTEGER NOT NULL DEFAULT 0,
       reprovision BOOLEAN NOT NULL DEFAULT FALSE,
       expires_at BIGINT,
       revoked_at BIGINT,
       created_at BIGINT NOT NULL,
       created_by TEXT NOT NULL
     );`,
  ],
};
