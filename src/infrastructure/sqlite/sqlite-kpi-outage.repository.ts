import type {
  DeviceOutage,
  KpiOutageRepository,
  OutageChange,
} from '../../reliability/kpi-outage.repository.js';
import type { SqliteDatabase } from './sqlite-database.js';

/** Stands for "still down": after any time the platform stores (year 275760). */
const OPEN = 8_640_000_000_000_000;

export class SqliteKpiOutageRepository implements KpiOutageRepository {
  constructor(private readonly db: SqliteDatabase) {}

  replaceFrom(changes: readonly OutageChange[]): Promise<void> {
    const dropLater = this.db.prepare('DELETE FROM kpi_outages WHERE device_id = ? AND start >= ?');
    const cut = this.db.prepare(
      'UPDATE kpi_outages SET end_ts = ? WHERE device_id = ? AND start < ? AND end_ts > ?',
    );
    const put = this.db.prepare('INSERT INTO kpi_outages (device_id, start, end_ts) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const c of changes) {
        dropLater.run(c.deviceId, c.from);
        cut.run(c.from, c.deviceId, c.from, c.from);
        for (const o of c.outages) put.run(c.deviceId, o.start, o.end ?? OPEN);
      }
    })();
    return Promise.resolve();
  }

  overlapping(q: { from: number; to: number; deviceIds?: readonly string[] }): Promise<DeviceOutage[]> {
    const devices = q.deviceIds ? 'AND device_id IN (SELECT value FROM json_each(:ids))' : '';
    const rows = this.db
      .prepare(
        `SELECT device_id, start, end_ts FROM kpi_outages
         WHERE end_ts > :from AND start < :to ${devices} ORDER BY device_id, start`,
      )
      .all({
        from: q.from,
        to: q.to,
        ...(q.deviceIds ? { ids: JSON.stringify(q.deviceIds) } : {}),
      }) as Array<{
      device_id: string;
      start: number;
      end_ts: number;
    }>;
    return Promise.resolve(
      rows.map((r) => ({ deviceId: r.device_id, start: r.start, end: r.end_ts >= OPEN ? null : r.end_ts })),
    );
  }

  clear(): Promise<void> {
    this.db.prepare('DELETE FROM kpi_outages').run();
    return Promise.resolve();
  }
}
