import type { RecordsDatabase } from '../ports/records-database.port.js';
import { jsonb } from '../common/jsonb.js';
import type { DispatchPlanRepository, StoredDecision, StoredPlan } from './dispatch-plan.repository.js';

const orderIds = (p: StoredPlan): string[] => [...new Set([...p.visits.map((v) => v.orderId), ...p.done])];

/** Day plans and decisions on the records database (PGlite or PostgreSQL). */
export class SqlDispatchPlanRepository implements DispatchPlanRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async get(technicianId: string, day: string): Promise<StoredPlan | null> {
    const { rows } = await this.db.query<{ doc: StoredPlan }>(
      'SELECT doc FROM dispatch_plans WHERE technician_id = $1 AND day = $2',
      [technicianId, day],
    );
    return rows[0]?.doc ?? null;
  }

  async plansOf(technicianIds: readonly string[], days: readonly string[]): Promise<StoredPlan[]> {
    if (!technicianIds.length || !days.length) return [];
    const { rows } = await this.db.query<{ doc: StoredPlan }>(
      `SELECT doc FROM dispatch_plans WHERE technician_id = ANY($1::text[]) AND day = ANY($2::text[])
       ORDER BY technician_id, day`,
      [[...technicianIds], [...days]],
    );
    return rows.map((r) => r.doc);
  }

  async plansOn(day: string): Promise<StoredPlan[]> {
    const { rows } = await this.db.query<{ doc: StoredPlan }>(
      'SELECT doc FROM dispatch_plans WHERE day = $1 ORDER BY technician_id',
      [day],
    );
    return rows.map((r) => r.doc);
  }

  async containing(orderId: string): Promise<StoredPlan[]> {
    const { rows } = await this.db.query<{ doc: StoredPlan }>(
      'SELECT doc FROM dispatch_plans WHERE order_ids @> ARRAY[$1]::text[] ORDER BY technician_id, day',
      [orderId],
    );
    return rows.map((r) => r.doc);
  }

  async save(plan: StoredPlan, expectedVersion: number): Promise<boolean> {
    const params = [plan.technicianId, plan.day, orderIds(plan), plan.version, plan.updatedAt, jsonb(plan)];
    if (expectedVersion === 0) {
      const { rowCount } = await this.db.query(
        `INSERT INTO dispatch_plans (technician_id, day, order_ids, version, updated_at, doc)
         VALUES ($1, $2, $3::text[], $4, $5, $6::jsonb) ON CONFLICT (technician_id, day) DO NOTHING`,
        params,
      );
      return rowCount > 0;
    }
    const { rowCount } = await this.db.query(
      `UPDATE dispatch_plans SET order_ids = $3::text[], version = $4, updated_at = $5, doc = $6::jsonb
       WHERE technician_id = $1 AND day = $2 AND version = $7`,
      [...params, expectedVersion],
    );
    return rowCount > 0;
  }

  async decision(orderId: string): Promise<StoredDecision | null> {
    const { rows } = await this.db.query<{ doc: StoredDecision }>(
      'SELECT doc FROM dispatch_decisions WHERE order_id = $1',
      [orderId],
    );
    return rows[0]?.doc ?? null;
  }

  async saveDecision(d: StoredDecision): Promise<void> {
    await this.db.query(
      `INSERT INTO dispatch_decisions AS x (order_id, outcome, at, doc) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (order_id) DO UPDATE SET outcome = excluded.outcome, at = excluded.at, doc = excluded.doc
       WHERE x.at <= excluded.at`,
      [d.orderId, d.outcome, d.at, jsonb(d)],
    );
  }
}
