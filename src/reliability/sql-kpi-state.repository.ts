import type { RecordsDatabase } from '../ports/records-database.port.js';
import type { KpiDeviceState, KpiStateRepository } from './kpi-state.repository.js';

/** Rows per statement when saving every device's state: bounds one statement's size on a large fleet. */
const CHUNK = 10_000;

/** The KPI ledger's bookkeeping on the records database (PGlite or PostgreSQL). */
export class SqlKpiStateRepository implements KpiStateRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async markDirty(fromByDevice: ReadonlyMap<string, number>): Promise<void> {
    if (!fromByDevice.size) return;
    // sorted: concurrent writers lock rows in the same order
    const ids = [...fromByDevice.keys()].sort();
    await this.db.query(
      `INSERT INTO kpi_dirty AS k (device_id, from_ts)
       SELECT * FROM unnest($1::text[], $2::bigint[])
       ON CONFLICT (device_id) DO UPDATE SET from_ts = LEAST(k.from_ts, excluded.from_ts)`,
      [ids, ids.map((id) => fromByDevice.get(id)!)],
    );
  }

  async takeDirty(): Promise<Map<string, number>> {
    const { rows } = await this.db.query<{ device_id: string; from_ts: number }>(
      'DELETE FROM kpi_dirty RETURNING device_id, from_ts',
    );
    return new Map(rows.map((r) => [r.device_id, r.from_ts]));
  }

  async watermark(): Promise<number | null> {
    const { rows } = await this.db.query<{ value: string }>(
      `SELECT value FROM kpi_state WHERE key = 'watermark'`,
    );
    return rows.length ? Number(rows[0].value) : null;
  }

  async deviceStates(): Promise<Map<string, KpiDeviceState>> {
    const { rows } = await this.db.query<{ device_id: string; scope_key: string; carry: string | null }>(
      'SELECT device_id, scope_key, carry FROM kpi_devices',
    );
    return new Map(rows.map((r) => [r.device_id, { scopeKey: r.scope_key, carry: r.carry }]));
  }

  async saveRun(watermark: number, states: ReadonlyMap<string, KpiDeviceState>): Promise<void> {
    const all = [...states];
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM kpi_devices');
      for (let i = 0; i < all.length; i += CHUNK) {
        const chunk = all.slice(i, i + CHUNK);
        await tx.query(
          `INSERT INTO kpi_devices (device_id, scope_key, carry)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
          [chunk.map(([id]) => id), chunk.map(([, s]) => s.scopeKey), chunk.map(([, s]) => s.carry)],
        );
      }
      await tx.query(
        `INSERT INTO kpi_state (key, value) VALUES ('watermark', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [String(watermark)],
      );
    });
  }

  async reset(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.exec('DELETE FROM kpi_state; DELETE FROM kpi_devices; DELETE FROM kpi_dirty;');
    });
  }
}
