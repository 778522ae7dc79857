import type { RecordsDatabase, SqlExecutor, SqlParam } from '../ports/records-database.port.js';
import type { WorkOrderListQuery, WorkOrderRepository } from './work-order.repository.js';
import { dedupeKey, isOpen, type WorkOrder, type WorkOrderChange } from './work-order.js';

/** JSON for a JSONB column: PostgreSQL refuses the NUL character in it, so a note carrying one keeps U+FFFD instead. */
export function jsonb(value: unknown): string {
  // an escape is \u0000 after an odd number of backslashes; an even number is a literal backslash
  return JSON.stringify(value).replace(/(\\+)u0000/g, (m, slashes: string) =>
    slashes.length % 2 ? `${slashes}ufffd` : m,
  );
}

/** Columns filled from the document, for filters and the one-open-order index. */
function columns(o: WorkOrder): SqlParam[] {
  return [
    o.id,
    o.deviceId,
    dedupeKey(o),
    isOpen(o.status),
    o.status,
    o.kind,
    o.priority,
    o.component,
    o.customerId,
    o.siteId,
    o.assignee,
    o.createdAt,
    o.updatedAt,
    o.version,
    jsonb(o),
  ];
}

/** Work orders on the records database (PGlite or PostgreSQL). */
export class SqlWorkOrderRepository implements WorkOrderRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async nextId(): Promise<string> {
    const { rows } = await this.db.query<{ n: number }>(`SELECT nextval('work_order_numbers') AS n`);
    return `WO-${String(rows[0].n).padStart(6, '0')}`;
  }

  insert(order: WorkOrder, changes: readonly WorkOrderChange[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // the partial unique index answers "is one open already" atomically, across replicas
      const { rowCount } = await tx.query(
        `INSERT INTO work_orders (id, device_id, dedupe_key, is_open, status, kind, priority, component, customer_id,
           site_id, assignee, created_at, updated_at, version, doc)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb)
         ON CONFLICT (device_id, dedupe_key) WHERE is_open DO NOTHING`,
        columns(order),
      );
      if (rowCount === 0) return false;
      await this.append(tx, order.id, changes);
      return true;
    });
  }

  update(order: WorkOrder, expectedVersion: number, changes: readonly WorkOrderChange[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rowCount } = await tx.query(
        `UPDATE work_orders SET device_id = $2, dedupe_key = $3, is_open = $4, status = $5, kind = $6, priority = $7,
           component = $8, customer_id = $9, site_id = $10, assignee = $11, created_at = $12, updated_at = $13,
           version = $14, doc = $15::jsonb
         WHERE id = $1 AND version = $16`,
        [...columns(order), expectedVersion],
      );
      if (rowCount === 0) return false;
      await this.append(tx, order.id, changes);
      return true;
    });
  }

  private async append(tx: SqlExecutor, id: string, changes: readonly WorkOrderChange[]): Promise<void> {
    if (!changes.length) return;
    await tx.query(
      `INSERT INTO work_order_history (order_id, change)
       SELECT $1, c.change FROM unnest($2::jsonb[]) WITH ORDINALITY AS c(change, n) ORDER BY c.n`,
      [id, changes.map((c) => jsonb(c))],
    );
  }

  async get(id: string): Promise<WorkOrder | null> {
    const { rows } = await this.db.query<{ doc: WorkOrder }>('SELECT doc FROM work_orders WHERE id = $1', [
      id,
    ]);
    return rows[0]?.doc ?? null;
  }

  async openForDevice(deviceId: string): Promise<WorkOrder[]> {
    const { rows } = await this.db.query<{ doc: WorkOrder }>(
      'SELECT doc FROM work_orders WHERE device_id = $1 AND is_open ORDER BY id',
      [deviceId],
    );
    return rows.map((r) => r.doc);
  }

  async scanOpen(afterId: string | null, limit: number): Promise<WorkOrder[]> {
    const { rows } = await this.db.query<{ doc: WorkOrder }>(
      'SELECT doc FROM work_orders WHERE is_open AND id > $1 ORDER BY id LIMIT $2',
      [afterId ?? '', limit],
    );
    return rows.map((r) => r.doc);
  }

  async list(q: WorkOrderListQuery): Promise<WorkOrder[]> {
    const where: string[] = [];
    const params: SqlParam[] = [];
    const add = (sql: string, ...values: SqlParam[]): void => {
      let s = sql;
      for (const v of values) {
        params.push(v);
        s = s.replace('$n', `$${params.length}`);
      }
      where.push(s);
    };
    if (q.status?.length) add('status = ANY($n::text[])', [...q.status]);
    if (q.kind?.length) add('kind = ANY($n::text[])', [...q.kind]);
    if (q.priority?.length) add('priority = ANY($n::text[])', [...q.priority]);
    if (q.deviceId) add('device_id = $n', q.deviceId);
    if (q.customerId) add('customer_id = $n', q.customerId);
    if (q.siteId) add('site_id = $n', q.siteId);
    if (q.assignee) add('assignee = $n', q.assignee);
    if (q.component) add('component = $n', q.component);
    if (q.open !== undefined) add('is_open = $n', q.open);
    if (q.createdFrom !== undefined) add('created_at >= $n', q.createdFrom);
    if (q.createdTo !== undefined) add('created_at < $n', q.createdTo);
    if (q.after) add('(created_at, id) < ($n, $n)', q.after.createdAt, q.after.id);
    params.push(q.limit);
    const { rows } = await this.db.query<{ doc: WorkOrder }>(
      `SELECT doc FROM work_orders ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => r.doc);
  }

  async history(id: string): Promise<WorkOrderChange[]> {
    const { rows } = await this.db.query<{ change: WorkOrderChange }>(
      'SELECT change FROM work_order_history WHERE order_id = $1 ORDER BY id',
      [id],
    );
    return rows.map((r) => r.change);
  }
}
