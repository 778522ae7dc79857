import type { RecordsDatabase, SqlExecutor, SqlParam } from '../ports/records-database.port.js';
import { jsonb } from '../common/jsonb.js';
import type { PayLine } from './pay-statement.js';
import type {
  PayLineRepository,
  TechnicianListQuery,
  TechnicianRepository,
} from './technician.repository.js';
import type {
  CertificationRequirement,
  Technician,
  TechnicianChange,
  TechnicianStatus,
} from './technician.js';

const columns = (t: Technician): SqlParam[] => [
  t.technicianId,
  t.status,
  t.employment,
  t.version,
  t.updatedAt,
  jsonb(t),
];

/** Technicians on the records database (PGlite or PostgreSQL). */
export class SqlTechnicianRepository implements TechnicianRepository {
  constructor(private readonly db: RecordsDatabase) {}

  insert(t: Technician, change: TechnicianChange): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rowCount } = await tx.query(
        `INSERT INTO technicians (id, status, employment, version, updated_at, doc)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT (id) DO NOTHING`,
        columns(t),
      );
      if (!rowCount) return false;
      await this.append(tx, t.technicianId, [change]);
      return true;
    });
  }

  update(t: Technician, expectedVersion: number, changes: readonly TechnicianChange[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rowCount } = await tx.query(
        `UPDATE technicians SET status = $2, employment = $3, version = $4, updated_at = $5, doc = $6::jsonb
         WHERE id = $1 AND version = $7`,
        [...columns(t), expectedVersion],
      );
      if (!rowCount) return false;
      await this.append(tx, t.technicianId, changes);
      return true;
    });
  }

  private async append(tx: SqlExecutor, id: string, changes: readonly TechnicianChange[]): Promise<void> {
    if (!changes.length) return;
    await tx.query(
      `INSERT INTO technician_history (technician_id, change)
       SELECT $1, c.change FROM unnest($2::jsonb[]) WITH ORDINALITY AS c(change, n) ORDER BY c.n`,
      [id, changes.map((c) => jsonb(c))],
    );
  }

  async get(id: string): Promise<Technician | null> {
    const { rows } = await this.db.query<{ doc: Technician }>('SELECT doc FROM technicians WHERE id = $1', [
      id,
    ]);
    return rows[0]?.doc ?? null;
  }

  async list(q: TechnicianListQuery): Promise<Technician[]> {
    const { rows } = await this.db.query<{ doc: Technician }>(
      `SELECT doc FROM technicians
       WHERE ($1::text[] IS NULL OR status = ANY($1::text[]))
         AND ($2::text IS NULL OR employment = $2)
         AND id > $3
       ORDER BY id LIMIT $4`,
      [q.status?.length ? [...q.status] : null, q.employment ?? null, q.after ?? '', q.limit],
    );
    return rows.map((r) => r.doc);
  }

  async inStatus(status: readonly TechnicianStatus[]): Promise<Technician[]> {
    const { rows } = await this.db.query<{ doc: Technician }>(
      'SELECT doc FROM technicians WHERE status = ANY($1::text[]) ORDER BY id',
      [[...status]],
    );
    return rows.map((r) => r.doc);
  }

  async history(id: string): Promise<TechnicianChange[]> {
    const { rows } = await this.db.query<{ change: TechnicianChange }>(
      'SELECT change FROM technician_history WHERE technician_id = $1 ORDER BY id',
      [id],
    );
    return rows.map((r) => r.change);
  }

  async requirements(): Promise<CertificationRequirement[]> {
    const { rows } = await this.db.query<{ doc: CertificationRequirement }>(
      'SELECT doc FROM technician_certification_requirements ORDER BY id',
    );
    return rows.map((r) => r.doc);
  }

  replaceRequirements(all: readonly CertificationRequirement[]): Promise<void> {
    return this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM technician_certification_requirements');
      if (!all.length) return;
      const sorted = [...all].sort((a, b) => (a.requirementId < b.requirementId ? -1 : 1));
      await tx.query(
        `INSERT INTO technician_certification_requirements (id, doc)
         SELECT * FROM unnest($1::text[], $2::jsonb[])`,
        [sorted.map((r) => r.requirementId), sorted.map((r) => jsonb(r))],
      );
    });
  }
}

/** Pay lines on the records database. */
export class SqlPayLineRepository implements PayLineRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async add(line: PayLine): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `INSERT INTO technician_pay_lines (order_id, completed_at, technician_id, doc)
       VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (order_id, completed_at) DO NOTHING`,
      [line.orderId, line.completedAt, line.technicianId, jsonb(line)],
    );
    return rowCount > 0;
  }

  async between(technicianId: string, from: number, to: number): Promise<PayLine[]> {
    const { rows } = await this.db.query<{ doc: PayLine }>(
      `SELECT doc FROM technician_pay_lines
       WHERE technician_id = $1 AND completed_at >= $2 AND completed_at < $3
       ORDER BY completed_at, order_id`,
      [technicianId, from, to],
    );
    return rows.map((r) => r.doc);
  }
}
