import type { Statement } from 'better-sqlite3';
import type { DeviceListQuery, DeviceRepository, DeviceSeen } from '../../ports/device-repository.port.js';
import type { StatusUpdate } from '../../ports/records.js';
import type { SqliteDatabase } from './sqlite-database.js';

interface DeviceRow {
  device_id: string;
  first_seen: number;
  last_seen: number;
  online: number | null;
  status_changed_at: number | null;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  reporting_interval_ms: number | null;
  registered: number;
}

const SELECT = `SELECT s.*, d.id IS NOT NULL AS registered FROM devices_seen s LEFT JOIN devices d ON d.id = s.device_id`;

export class SqliteDeviceRepository implements DeviceRepository {
  private readonly touchTx: (lastSeen: ReadonlyMap<string, number>) => void;
  private readonly status: Statement;
  private readonly silentTx: (
    devices: ReadonlyArray<{ deviceId: string; lastSeen: number; at: number }>,
  ) => string[];

  constructor(private readonly db: SqliteDatabase) {
    const touch = db.prepare(
      `INSERT INTO devices_seen (device_id, first_seen, last_seen, online, status_changed_at)
       VALUES (@id, @at, @at, 1, @at)
       ON CONFLICT (device_id) DO UPDATE SET
         last_seen = MAX(last_seen, excluded.last_seen),
         -- data after the device was marked offline (or before any status) brings it online
         online = CASE WHEN online IS NOT 1 AND excluded.last_seen > COALESCE(status_changed_at, 0)
                       THEN 1 ELSE online END,
         status_changed_at = CASE WHEN online IS NOT 1 AND excluded.last_seen > COALESCE(status_changed_at, 0)
                                  THEN excluded.last_seen ELSE status_changed_at END`,
    );
    this.touchTx = db.transaction((lastSeen: ReadonlyMap<string, number>) => {
      for (const [deviceId, at] of lastSeen) touch.run({ id: deviceId, at });
    });
    // a status older than the one applied already (a late last will) changes nothing
    this.status = db.prepare(
      `INSERT INTO devices_seen (device_id, first_seen, last_seen, online, status_changed_at, model, firmware, serial,
                                 reporting_interval_ms)
       VALUES (@id, @ts, @ts, @online, @ts, @model, @firmware, @serial, @interval)
       ON CONFLICT (device_id) DO UPDATE SET
         last_seen = MAX(last_seen, excluded.last_seen),
         online = CASE WHEN status_changed_at IS NULL OR excluded.status_changed_at >= status_changed_at
                       THEN excluded.online ELSE online END,
         status_changed_at = MAX(COALESCE(status_changed_at, 0), excluded.status_changed_at),
         model = COALESCE(excluded.model, model),
         firmware = COALESCE(excluded.firmware, firmware),
         serial = COALESCE(excluded.serial, serial),
         reporting_interval_ms = COALESCE(excluded.reporting_interval_ms, reporting_interval_ms)`,
    );
    const silent = db.prepare(
      `UPDATE devices_seen SET online = 0, status_changed_at = @at
       WHERE device_id = @id AND online = 1 AND last_seen <= @lastSeen`,
    );
    this.silentTx = db.transaction(
      (devices: ReadonlyArray<{ deviceId: string; lastSeen: number; at: number }>) =>
        devices
          .filter((d) => silent.run({ id: d.deviceId, lastSeen: d.lastSeen, at: d.at }).changes > 0)
          .map((d) => d.deviceId),
    );
  }

  markSilent(devices: ReadonlyArray<{ deviceId: string; lastSeen: number; at: number }>): Promise<string[]> {
    return Promise.resolve(devices.length ? this.silentTx(devices) : []);
  }

  touch(lastSeen: ReadonlyMap<string, number>): Promise<void> {
    if (lastSeen.size) this.touchTx(lastSeen);
    return Promise.resolve();
  }

  applyStatus(u: StatusUpdate): Promise<void> {
    this.status.run({
      id: u.deviceId,
      ts: u.ts,
      online: u.state === 'online' ? 1 : 0,
      model: u.model ?? null,
      firmware: u.firmware ?? null,
      serial: u.serial ?? null,
      interval: u.reportingIntervalMs ?? null,
    });
    return Promise.resolve();
  }

  get(deviceId: string): Promise<DeviceSeen | null> {
    const row = this.db.prepare(`${SELECT} WHERE s.device_id = ?`).get(deviceId) as DeviceRow | undefined;
    return Promise.resolve(row ? toDevice(row) : null);
  }

  list(q: DeviceListQuery): Promise<DeviceSeen[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: q.limit };
    if (q.after !== undefined) {
      where.push('s.device_id > @after');
      params.after = q.after;
    }
    if (q.online !== undefined) {
      where.push('s.online = @online');
      params.online = q.online ? 1 : 0;
    }
    if (q.registered !== undefined) where.push(q.registered ? 'd.id IS NOT NULL' : 'd.id IS NULL');
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.device_id LIMIT @limit`;
    return Promise.resolve((this.db.prepare(sql).all(params) as DeviceRow[]).map(toDevice));
  }
}

function toDevice(r: DeviceRow): DeviceSeen {
  return {
    deviceId: r.device_id,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    online: r.online === null ? null : r.online === 1,
    statusChangedAt: r.status_changed_at,
    model: r.model,
    firmware: r.firmware,
    serial: r.serial,
    reportingIntervalMs: r.reporting_interval_ms,
    registered: r.registered === 1,
  };
}
