import type { RecordsDatabase, SqlParam } from '../ports/records-database.port.js';
import type { MqttCredential, ProvisioningKey } from './device-identity.js';
import type { CredentialPage, DeviceIdentityRepository } from './device-identity.repository.js';

interface CredentialRow {
  id: string;
  kind: MqttCredential['kind'];
  secret_hash: string | null;
  certificate_fingerprint: string | null;
  enabled: boolean;
  devices: string[];
  customer_id: string | null;
  model_id: string | null;
  issued_by: string;
  created_at: number;
  updated_at: number;
}

interface KeyRow {
  id: string;
  name: string;
  secret_hash: string;
  models: string[] | null;
  customer_id: string | null;
  max_devices: number | null;
  devices_provisioned: number;
  reprovision: boolean;
  expires_at: number | null;
  revoked_at: number | null;
  created_at: number;
  created_by: string;
}

const CREDENTIAL_COLUMNS =
  'id, kind, secret_hash, certificate_fingerprint, enabled, devices, customer_id, model_id, issued_by, created_at, updated_at';
const KEY_COLUMNS =
  'id, name, secret_hash, models, customer_id, max_devices, devices_provisioned, reprovision, expires_at, revoked_at, created_at, created_by';

const credentialOf = (r: CredentialRow): MqttCredential => ({
  id: r.id,
  kind: r.kind,
  secretHash: r.secret_hash,
  certificateFingerprint: r.certificate_fingerprint,
  enabled: r.enabled,
  devices: r.devices ?? [],
  customerId: r.customer_id,
  modelId: r.model_id,
  issuedBy: r.issued_by,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const credentialParams = (c: MqttCredential): SqlParam[] => [
  c.id,
  c.kind,
  c.secretHash,
  c.certificateFingerprint,
  c.enabled,
  c.devices,
  c.customerId,
  c.modelId,
  c.issuedBy,
  c.createdAt,
  c.updatedAt,
];

const keyOf = (r: KeyRow): ProvisioningKey => ({
  id: r.id,
  name: r.name,
  secretHash: r.secret_hash,
  models: r.models,
  customerId: r.customer_id,
  maxDevices: r.max_devices,
  devicesProvisioned: r.devices_provisioned,
  reprovision: r.reprovision,
  expiresAt: r.expires_at === null ? null : Number(r.expires_at),
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  createdAt: Number(r.created_at),
  createdBy: r.created_by,
});

const INSERT_CREDENTIAL = `INSERT INTO device_identity_credentials (${CREDENTIAL_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10, $11)`;

/** Thrown inside a transaction to roll it back with an answer. */
class Outcome extends Error {
  constructor(readonly outcome: 'key_invalid' | 'key_exhausted' | 'device_exists') {
    super(outcome);
  }
}

/** Device identity on the records database (PGlite or PostgreSQL). */
export class SqlDeviceIdentityRepository implements DeviceIdentityRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async getCredential(id: string): Promise<MqttCredential | null> {
    const { rows } = await this.db.query<CredentialRow>(
      `SELECT ${CREDENTIAL_COLUMNS} FROM device_identity_credentials WHERE id = $1`,
      [id],
    );
    return rows[0] ? credentialOf(rows[0]) : null;
  }

  async listCredentials(q: {
    kind?: MqttCredential['kind'];
    after?: string;
    limit: number;
  }): Promise<CredentialPage> {
    const { rows } = await this.db.query<CredentialRow>(
      `SELECT ${CREDENTIAL_COLUMNS} FROM device_identity_credentials
        WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR id > $2)
        ORDER BY id LIMIT $3`,
      [q.kind ?? null, q.after ?? null, q.limit],
    );
    const items = rows.map(credentialOf);
    return { items, next: items.length === q.limit ? items[items.length - 1].id : null };
  }

  async createCredential(c: MqttCredential): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `${INSERT_CREDENTIAL} ON CONFLICT (id) DO NOTHING`,
      credentialParams(c),
    );
    return rowCount === 1;
  }

  async updateCredential(c: MqttCredential): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE device_identity_credentials SET kind = $2, secret_hash = $3, certificate_fingerprint = $4,
         enabled = $5, devices = $6::text[], customer_id = $7, model_id = $8, issued_by = $9,
         created_at = $10, updated_at = $11
       WHERE id = $1`,
      credentialParams(c),
    );
    return rowCount === 1;
  }

  async deleteCredential(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query('DELETE FROM device_identity_credentials WHERE id = $1', [id]);
    return rowCount === 1;
  }

  async getProvisioningKey(id: string): Promise<ProvisioningKey | null> {
    const { rows } = await this.db.query<KeyRow>(
      `SELECT ${KEY_COLUMNS} FROM device_identity_provisioning_keys WHERE id = $1`,
      [id],
    );
    return rows[0] ? keyOf(rows[0]) : null;
  }

  async listProvisioningKeys(): Promise<ProvisioningKey[]> {
    const { rows } = await this.db.query<KeyRow>(
      `SELECT ${KEY_COLUMNS} FROM device_identity_provisioning_keys ORDER BY created_at DESC, id`,
    );
    return rows.map(keyOf);
  }

  async putProvisioningKey(k: ProvisioningKey): Promise<void> {
    await this.db.query(
      `INSERT INTO device_identity_provisioning_keys (${KEY_COLUMNS})
       VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, secret_hash = EXCLUDED.secret_hash,
         models = EXCLUDED.models, customer_id = EXCLUDED.customer_id, max_devices = EXCLUDED.max_devices,
         devices_provisioned = EXCLUDED.devices_provisioned, reprovision = EXCLUDED.reprovision,
         expires_at = EXCLUDED.expires_at, revoked_at = EXCLUDED.revoked_at,
         created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by`,
      [
        k.id,
        k.name,
        k.secretHash,
        k.models,
        k.customerId,
        k.maxDevices,
        k.devicesProvisioned,
        k.reprovision,
        k.expiresAt,
        k.revokedAt,
        k.createdAt,
        k.createdBy,
      ],
    );
  }

  async revokeProvisioningKey(id: string, at: number): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'UPDATE device_identity_provisioning_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1',
      [id, at],
    );
    return rowCount === 1;
  }

  async provision(
    keyId: string,
    c: MqttCredential,
    replaces: boolean,
    now: number,
  ): Promise<'ok' | 'key_invalid' | 'key_exhausted' | 'device_exists'> {
    try {
      await this.db.transaction(async (tx) => {
        // the slot is taken under the row lock: two requests racing for the last one cannot both win
        const slot = await tx.query(
          `UPDATE device_identity_provisioning_keys
              SET devices_provisioned = devices_provisioned + CASE WHEN $2 THEN 0 ELSE 1 END
            WHERE id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3)
              AND ($2 OR max_devices IS NULL OR devices_provisioned < max_devices)`,
          [keyId, replaces, now],
        );
        if (slot.rowCount !== 1) {
          const { rows } = await tx.query<{ usable: boolean }>(
            `SELECT revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2) AS usable
               FROM device_identity_provisioning_keys WHERE id = $1`,
            [keyId, now],
          );
          throw new Outcome(rows[0]?.usable ? 'key_exhausted' : 'key_invalid');
        }
        if (replaces) {
          const { rowCount } = await tx.query(
            `UPDATE device_identity_credentials SET secret_hash = $3, enabled = TRUE, customer_id = $4,
               model_id = $5, updated_at = $6
             WHERE id = $1 AND kind = 'device' AND issued_by = $2`,
            [c.id, c.issuedBy, c.secretHash, c.customerId, c.modelId, c.updatedAt],
          );
          if (rowCount !== 1) throw new Outcome('device_exists');
        } else {
          const { rowCount } = await tx.query(
            `${INSERT_CREDENTIAL} ON CONFLICT (id) DO NOTHING`,
            credentialParams(c),
          );
          if (rowCount !== 1) throw new Outcome('device_exists');
        }
      });
      return 'ok';
    } catch (err) {
      if (err instanceof Outcome) return err.outcome;
      throw err;
    }
  }
}
