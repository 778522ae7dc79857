import type { RecordsDatabase } from '../ports/records-database.port.js';
import type { AuditEntry, AuditQuery } from './audit-entry.js';
import type { AuditLogRepository } from './audit-log.repository.js';

interface Row {
  id: number;
  at: number;
  actor: string;
  actor_name: string | null;
  role: string | null;
  action: string;
  target: string | null;
  status: number;
  source: string | null;
}

/** The audit log on the records database (PGlite or PostgreSQL). */
export class SqlAuditLogRepository implements AuditLogRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async append(entries: readonly AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    // one statement for the batch: arrays unnested into rows
    await this.db.query(
      `INSERT INTO audit_log (at, actor, actor_name, role, action, target, status, source)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[])`,
      [
        entries.map((e) => e.at),
        entries.map((e) => e.actor),
        entries.map((e) => e.actorName),
        entries.map((e) => e.role),
        entries.map((e) => e.action),
        entries.map((e) => e.target),
        entries.map((e) => e.status),
        entries.map((e) => e.source),
      ],
    );
  }

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT id, at, actor, actor_name, role, action, target, status, source FROM audit_log
        WHERE ($1::text IS NULL OR actor = $1) AND ($2::bigint IS NULL OR at >= $2)
          AND ($3::bigint IS NULL OR at < $3) AND ($4::bigint IS NULL OR id < $4)
        ORDER BY id DESC LIMIT $5`,
      [q.actor ?? null, q.from ?? null, q.to ?? null, q.before ?? null, q.limit],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: Number(r.at),
      actor: r.actor,
      actorName: r.actor_name,
      role: r.role,
      action: r.action,
      target: r.target,
      status: r.status,
      source: r.source,
    }));
  }
}
