import type { RecordsDatabase } from '../ports/records-database.port.js';
import { jsonb } from './sql-work-order.repository.js';
import type { MaintenancePlan, PlanProgress } from './maintenance-plan.js';
import type { MaintenancePlanRepository } from './maintenance-plan.repository.js';

interface ProgressRow {
  plan_id: string;
  device_id: string;
  last_done_at: number;
  last_done_usage: number | null;
  pulled_forward_at: number | null;
}

const progress = (r: ProgressRow): PlanProgress => ({
  planId: r.plan_id,
  deviceId: r.device_id,
  lastDoneAt: r.last_done_at,
  lastDoneUsage: r.last_done_usage,
  pulledForwardAt: r.pulled_forward_at,
});

/** Maintenance plans and progress on the records database. */
export class SqlMaintenancePlanRepository implements MaintenancePlanRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async upsertPlan(plan: MaintenancePlan): Promise<boolean> {
    const { rows } = await this.db.query<{ created: boolean }>(
      `INSERT INTO work_order_plans (id, model_id, doc) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (id) DO UPDATE SET model_id = excluded.model_id, doc = excluded.doc
       RETURNING (xmax = 0) AS created`,
      [plan.planId, plan.modelId, jsonb(plan)],
    );
    return rows[0].created;
  }

  async getPlan(planId: string): Promise<MaintenancePlan | null> {
    const { rows } = await this.db.query<{ doc: MaintenancePlan }>(
      'SELECT doc FROM work_order_plans WHERE id = $1',
      [planId],
    );
    return rows[0]?.doc ?? null;
  }

  async listPlans(modelId?: string): Promise<MaintenancePlan[]> {
    const { rows } = await this.db.query<{ doc: MaintenancePlan }>(
      `SELECT doc FROM work_order_plans ${modelId === undefined ? '' : 'WHERE model_id = $1'} ORDER BY id`,
      modelId === undefined ? [] : [modelId],
    );
    return rows.map((r) => r.doc);
  }

  async deletePlan(planId: string): Promise<boolean> {
    const { rowCount } = await this.db.query('DELETE FROM work_order_plans WHERE id = $1', [planId]);
    return rowCount > 0;
  }

  async getProgress(planId: string, deviceId: string): Promise<PlanProgress | null> {
    const { rows } = await this.db.query<ProgressRow>(
      'SELECT * FROM work_order_plan_progress WHERE plan_id = $1 AND device_id = $2',
      [planId, deviceId],
    );
    return rows[0] ? progress(rows[0]) : null;
  }

  async progressOfPlan(planId: string): Promise<PlanProgress[]> {
    const { rows } = await this.db.query<ProgressRow>(
      'SELECT * FROM work_order_plan_progress WHERE plan_id = $1 ORDER BY device_id',
      [planId],
    );
    return rows.map(progress);
  }

  async progressOfDevice(deviceId: string): Promise<PlanProgress[]> {
    const { rows } = await this.db.query<ProgressRow>(
      'SELECT * FROM work_order_plan_progress WHERE device_id = $1 ORDER BY plan_id',
      [deviceId],
    );
    return rows.map(progress);
  }

  async saveProgress(p: PlanProgress): Promise<void> {
    await this.db.query(
      `INSERT INTO work_order_plan_progress (plan_id, device_id, last_done_at, last_done_usage, pulled_forward_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (plan_id, device_id) DO UPDATE SET last_done_at = excluded.last_done_at,
         last_done_usage = excluded.last_done_usage, pulled_forward_at = excluded.pulled_forward_at`,
      [p.planId, p.deviceId, p.lastDoneAt, p.lastDoneUsage, p.pulledForwardAt],
    );
  }
}
