import type { RecordsDatabase, SqlParam } from '../ports/records-database.port.js';
import { ACTIVE_STATUSES, SIGNAL_STATUSES, type RuleId, type Signal, type SignalStatus } from './signal.js';
import type { CustomerRollup, RuleOutcomes, SignalListQuery, SignalRepository } from './signal.repository.js';

const ACTIVE_SQL = `(${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

interface RollupRow {
  customer_id: string;
  active: number;
  active_value: number;
  won_value: number;
  last_raised_at: number | null;
  by_status: Record<string, number> | null;
}

const rollupSelect = `
  SELECT customer_id,
         COUNT(*) FILTER (WHERE status IN ${ACTIVE_SQL})::int AS active,
         COALESCE(SUM(estimated_value) FILTER (WHERE status IN ${ACTIVE_SQL}), 0) AS active_value,
         COALESCE(SUM(estimated_value) FILTER (WHERE status = 'won'), 0) AS won_value,
         MAX(raised_at) AS last_raised_at,
         (SELECT json_object_agg(st, n) FROM (
            SELECT status AS st, COUNT(*)::int AS n FROM signals i WHERE i.customer_id = s.customer_id GROUP BY status
          ) c) AS by_status
  FROM signals s`;

function byStatus(counts: Record<string, number> | null): Record<SignalStatus, number> {
  return Object.fromEntries(SIGNAL_STATUSES.map((st) => [st, counts?.[st] ?? 0])) as Record<
    SignalStatus,
    number
  >;
}

const toRollup = (r: RollupRow): CustomerRollup => ({
  customerId: r.customer_id,
  byStatus: byStatus(r.by_status),
  active: r.active,
  activeValue: Number(r.active_value),
  wonValue: Number(r.won_value),
  lastRaisedAt: r.last_raised_at,
});

const sortedById = (signals: readonly Signal[]): Signal[] =>
  [...signals].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Signals on the records database (PGlite or PostgreSQL). */
export class SqlSignalRepository implements SignalRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async get(id: string): Promise<Signal | null> {
    const { rows } = await this.db.query<{ doc: Signal }>('SELECT doc FROM signals WHERE id = $1', [id]);
    return rows[0]?.doc ?? null;
  }

  async list(q: SignalListQuery): Promise<Signal[]> {
    const where: string[] = [];
    const params: SqlParam[] = [];
    const param = (value: SqlParam): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (q.statuses?.length) where.push(`status = ANY(${param(q.statuses)}::text[])`);
    if (q.kind) where.push(`kind = ${param(q.kind)}`);
    if (q.rule) where.push(`rules @> ARRAY[${param(q.rule)}]::text[]`);
    if (q.offer) where.push(`offer_kind = ${param(q.offer)}`);
    if (q.customerId) where.push(`customer_id = ${param(q.customerId)}`);
    if (q.siteId) where.push(`site_id = ${param(q.siteId)}`);
    if (q.deviceId) where.push(`device_ids @> ARRAY[${param(q.deviceId)}]::text[]`);
    if (q.before)
      where.push(`(raised_at, id) < (${param(q.before.raisedAt)}::bigint, ${param(q.before.id)})`);
    const { rows } = await this.db.query<{ doc: Signal }>(
      `SELECT doc FROM signals ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY raised_at DESC, id DESC LIMIT ${param(q.limit)}`,
      params,
    );
    return rows.map((r) => r.doc);
  }

  async forCustomers(customerIds: readonly string[]): Promise<{ active: Signal[]; lastClosed: Signal[] }> {
    if (!customerIds.length) return { active: [], lastClosed: [] };
    const ids = [...new Set(customerIds)];
    const [active, closed] = await Promise.all([
      this.db.query<{ doc: Signal }>(
        `SELECT doc FROM signals WHERE customer_id = ANY($1::text[]) AND status IN ${ACTIVE_SQL}`,
        [ids],
      ),
      this.db.query<{ doc: Signal }>(
        `SELECT DISTINCT ON (customer_id, offer_key) doc FROM signals
         WHERE customer_id = ANY($1::text[]) AND status NOT IN ${ACTIVE_SQL}
         ORDER BY customer_id, offer_key, closed_at DESC, id DESC`,
        [ids],
      ),
    ]);
    return { active: active.rows.map((r) => r.doc), lastClosed: closed.rows.map((r) => r.doc) };
  }

  async insert(signals: readonly Signal[]): Promise<Signal[]> {
    if (!signals.length) return [];
    const stored = sortedById(signals).map((s) => ({ ...s, version: 1 }));
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO signals (id, customer_id, offer_key, offer_kind, status, kind, rule, rules, site_id,
                            device_ids, estimated_value, raised_at, closed_at, version, doc)
       SELECT x.id, x.customer_id, x.offer_key, x.offer_kind, x.status, x.kind, x.rule,
              ARRAY(SELECT json_array_elements_text(x.rules)), x.site_id,
              ARRAY(SELECT json_array_elements_text(x.device_ids)), x.estimated_value, x.raised_at,
              x.closed_at, 1, x.doc
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                   $8::json[], $9::text[], $10::json[], $11::float8[], $12::bigint[], $13::bigint[], $14::json[])
            AS x(id, customer_id, offer_key, offer_kind, status, kind, rule, rules, site_id, device_ids,
                 estimated_value, raised_at, closed_at, doc)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      columns(stored),
    );
    const inserted = new Set(rows.map((r) => r.id));
    return stored.filter((s) => inserted.has(s.id));
  }

  async update(signals: readonly Signal[]): Promise<Signal[]> {
    if (!signals.length) return [];
    const read = sortedById(signals);
    const stored = read.map((s) => ({ ...s, version: s.version + 1 }));
    const { rows } = await this.db.query<{ id: string }>(
      `UPDATE signals AS s SET
         offer_key = x.offer_key, offer_kind = x.offer_kind, status = x.status, kind = x.kind, rule = x.rule,
         rules = ARRAY(SELECT json_array_elements_text(x.rules)), site_id = x.site_id,
         device_ids = ARRAY(SELECT json_array_elements_text(x.device_ids)),
         estimated_value = x.estimated_value, closed_at = x.closed_at, version = s.version + 1, doc = x.doc
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                   $8::json[], $9::text[], $10::json[], $11::float8[], $12::bigint[], $13::bigint[], $14::json[],
                   $15::int[])
            AS x(id, customer_id, offer_key, offer_kind, status, kind, rule, rules, site_id, device_ids,
                 estimated_value, raised_at, closed_at, doc, version)
       WHERE s.id = x.id AND s.version = x.version
       RETURNING s.id`,
      [...columns(stored), read.map((s) => s.version)],
    );
    const written = new Set(rows.map((r) => r.id));
    return stored.filter((s) => written.has(s.id));
  }

  async rollups(q: {
    limit: number;
    after?: { activeValue: number; customerId: string };
  }): Promise<CustomerRollup[]> {
    const params: SqlParam[] = [q.limit];
    let after = '';
    if (q.after) {
      params.push(q.after.activeValue, q.after.customerId);
      after = 'WHERE active_value < $2 OR (active_value = $2 AND customer_id > $3)';
    }
    const { rows } = await this.db.query<RollupRow>(
      `SELECT * FROM (${rollupSelect} GROUP BY customer_id) r ${after}
       ORDER BY active_value DESC, customer_id LIMIT $1`,
      params,
    );
    return rows.map(toRollup);
  }

  async rollup(customerId: string): Promise<CustomerRollup> {
    const { rows } = await this.db.query<RollupRow>(
      `${rollupSelect} WHERE customer_id = $1 GROUP BY customer_id`,
      [customerId],
    );
    return rows.length
      ? toRollup(rows[0])
      : { customerId, byStatus: byStatus(null), active: 0, activeValue: 0, wonValue: 0, lastRaisedAt: null };
  }

  async outcomesByRule(): Promise<RuleOutcomes[]> {
    const { rows } = await this.db.query<{ rule: RuleId; status: SignalStatus; n: number }>(
      `SELECT r AS rule, status, COUNT(*)::int AS n FROM signals, unnest(rules) AS r GROUP BY r, status`,
    );
    const out = new Map<RuleId, RuleOutcomes>();
    for (const r of rows) {
      const o = out.get(r.rule) ?? { rule: r.rule, byStatus: byStatus(null) };
      o.byStatus[r.status] = r.n;
      out.set(r.rule, o);
    }
    return [...out.values()].sort((a, b) => (a.rule < b.rule ? -1 : 1));
  }

  async markDirty(atByDevice: ReadonlyMap<string, number>): Promise<void> {
    if (!atByDevice.size) return;
    // sorted: concurrent writers lock rows in the same order
    const ids = [...atByDevice.keys()].sort();
    await this.db.query(
      `INSERT INTO signals_dirty AS d (device_id, marked_at)
       SELECT * FROM unnest($1::text[], $2::bigint[])
       ON CONFLICT (device_id) DO UPDATE SET marked_at = GREATEST(d.marked_at, excluded.marked_at)`,
      [ids, ids.map((id) => atByDevice.get(id)!)],
    );
  }

  async dirtyDevices(limit: number): Promise<Map<string, number>> {
    const { rows } = await this.db.query<{ device_id: string; marked_at: number }>(
      'SELECT device_id, marked_at FROM signals_dirty ORDER BY marked_at, device_id LIMIT $1',
      [limit],
    );
    return new Map(rows.map((r) => [r.device_id, r.marked_at]));
  }

  async clearDirty(read: ReadonlyMap<string, number>): Promise<void> {
    if (!read.size) return;
    const ids = [...read.keys()].sort();
    await this.db.query(
      `DELETE FROM signals_dirty d USING unnest($1::text[], $2::bigint[]) AS x(device_id, marked_at)
       WHERE d.device_id = x.device_id AND d.marked_at <= x.marked_at`,
      [ids, ids.map((id) => read.get(id)!)],
    );
  }

  async lastFullSweep(): Promise<number | null> {
    const { rows } = await this.db.query<{ value: number }>(
      `SELECT value FROM signals_state WHERE key = 'last_full_sweep'`,
    );
    return rows[0]?.value ?? null;
  }

  async setLastFullSweep(at: number): Promise<void> {
    await this.db.query(
      `INSERT INTO signals_state (key, value) VALUES ('last_full_sweep', $1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [at],
    );
  }
}

/** The table's columns of each signal, as parameter arrays in the order of the statements above. */
function columns(signals: readonly Signal[]): SqlParam[] {
  return [
    signals.map((s) => s.id),
    signals.map((s) => s.customerId),
    signals.map((s) => s.offerKey),
    signals.map((s) => s.offer.kind),
    signals.map((s) => s.status),
    signals.map((s) => s.kind),
    signals.map((s) => s.rule),
    signals.map((s) => JSON.stringify(s.rules)),
    signals.map((s) => s.siteId),
    signals.map((s) => JSON.stringify(s.deviceIds)),
    signals.map((s) => s.estimatedValue),
    signals.map((s) => s.raisedAt),
    signals.map((s) => s.closedAt),
    signals.map((s) => JSON.stringify(s)),
  ];
}
