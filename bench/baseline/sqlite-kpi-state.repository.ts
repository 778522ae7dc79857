// KPI state as releases before the records database kept it (better-sqlite3), for the
// records bench to compare against (bench/records.bench.ts). Not used by the service.
import type { KpiDeviceState, KpiStateRepository } from '../../src/reliability/kpi-state.repository.js';
import type { SqliteDatabase } from '../../src/infrastructure/sqlite/sqlite-database.js';

export class SqliteKpiStateRepository implements KpiStateRepository {
  constructor(private readonly db: SqliteDatabase) {}

  markDirty(fromByDevice: ReadonlyMap<string, number>): Promise<void> {
    const mark = this.db.prepare(
      `INSERT INTO kpi_dirty (device_id, from_ts) VALUES (?, ?)
       ON CONFLICT DO UPDATE SET from_ts = MIN(from_ts, excluded.from_ts)`,
    );
    this.db.transaction(() => {
      for (const [deviceId, from] of fromByDevice) mark.run(deviceId, from);
    })();
    return Promise.resolve();
  }

  takeDirty(): Promise<Map<string, number>> {
    const rows = this.db.transaction(() => {
      const all = this.db.prepare('SELECT device_id, from_ts FROM kpi_dirty').all() as Array<{
        device_id: string;
        from_ts: number;
      }>;
      this.db.prepare('DELETE FROM kpi_dirty').run();
      return all;
    })();
    return Promise.resolve(new Map(rows.map((r) => [r.device_id, r.from_ts])));
  }

  watermark(): Promise<number | null> {
    const value = this.db.prepare(`SELECT value FROM kpi_state WHERE key = 'watermark'`).pluck().get() as
      string | undefined;
    return Promise.resolve(value === undefined ? null : Number(value));
  }

  deviceStates(): Promise<Map<string, KpiDeviceState>> {
    const rows = this.db.prepare('SELECT device_id, scope_key, carry FROM kpi_devices').all() as Array<{
      device_id: string;
      scope_key: string;
      carry: string | null;
    }>;
    return Promise.resolve(
      new Map(rows.map((r) => [r.device_id, { scopeKey: r.scope_key, carry: r.carry }])),
    );
  }

  saveRun(watermark: number, states: ReadonlyMap<string, KpiDeviceState>): Promise<void> {
    const put = this.db.prepare('INSERT INTO kpi_devices (device_id, scope_key, carry) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM kpi_devices').run();
      for (const [deviceId, s] of states) put.run(deviceId, s.scopeKey, s.carry);
      this.db
        .prepare(
          `INSERT INTO kpi_state (key, value) VALUES ('watermark', ?) ON CONFLICT DO UPDATE SET value = excluded.value`,
        )
        .run(String(watermark));
    })();
    return Promise.resolve();
  }

  reset(): Promise<void> {
    this.db.exec('DELETE FROM kpi_state; DELETE FROM kpi_devices; DELETE FROM kpi_dirty;');
    return Promise.resolve();
  }
}
