import type { RecordsDatabase } from '../ports/records-database.port.js';
import type { ApiKey } from './api-key.js';
import type { ApiKeyRepository } from './api-key.repository.js';
import type { Role } from './roles.js';

interface Row {
  id: string;
  name: string;
  role: Role;
  digest: string;
  prefix: string;
  created_at: number;
  created_by: string;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
}

const COLUMNS =
  'id, name, role, digest, prefix, created_at, created_by, expires_at, revoked_at, last_used_at';
const num = (v: number | null): number | null => (v === null ? null : Number(v));

const keyOf = (r: Row): ApiKey => ({
  id: r.id,
  name: r.name,
  role: r.role,
  digest: r.digest,
  prefix: r.prefix,
  createdAt: Number(r.created_at),
  createdBy: r.created_by,
  expiresAt: num(r.expires_at),
  revokedAt: num(r.revoked_at),
  lastUsedAt: num(r.last_used_at),
});

/** API keys on the records database (PGlite or PostgreSQL). */
export class SqlApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async getByDigest(digest: string): Promise<ApiKey | null> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM api_keys WHERE digest = $1`, [digest]);
    return rows[0] ? keyOf(rows[0]) : null;
  }

  async get(id: string): Promise<ApiKey | null> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id]);
    return rows[0] ? keyOf(rows[0]) : null;
  }

  async list(): Promise<ApiKey[]> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at DESC, id`);
    return rows.map(keyOf);
  }

  async create(k: ApiKey): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `INSERT INTO api_keys (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [
        k.id,
        k.name,
        k.role,
        k.digest,
        k.prefix,
        k.createdAt,
        k.createdBy,
        k.expiresAt,
        k.revokedAt,
        k.lastUsedAt,
      ],
    );
    return rowCount === 1;
  }

  async replaceDigest(id: string, digest: string, prefix: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'UPDATE api_keys SET digest = $2, prefix = $3 WHERE id = $1 AND revoked_at IS NULL',
      [id, digest, prefix],
    );
    return rowCount === 1;
  }

  async revoke(id: string, at: number): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
      [id, at],
    );
    return rowCount === 1;
  }

  async touch(id: string, at: number): Promise<void> {
    await this.db.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [id, at]);
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM api_keys');
    return Number(rows[0].n);
  }
}
