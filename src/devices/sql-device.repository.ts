import type { StatusUpdate } from '../ports/records.js';
import type { RecordsDatabase } from '../ports/records-database.port.js';
import type { DeviceListQuery, DeviceRepository, DeviceSighting } from './device.repository.js';

interface DeviceRow {
  device_id: string;
  first_seen: number;
  last_seen: number;
  online: boolean | null;
  status_changed_at: number | null;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  reporting_interval_ms: number | null;
}

const SELECT = 'SELECT s.* FROM devices_seen s';

/** Devices seen, on the records database (PGlite or PostgreSQL). */
export class SqlDeviceRepository implements DeviceRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async touch(lastSeen: ReadonlyMap<string, number>): Promise<void> {
    if (!lastSeen.size) return;
    // sorted: replicas touching the same devices lock their rows in the same order
    const ids = [...lastSeen.keys()].sort();
    // data is a sign of life: after an offline status (or before any status) it brings the device online
    await this.db.query(
      `INSERT INTO devices_seen AS s (device_id, first_seen, last_seen, online, status_changed_at)
       SELECT id, at, at, true, at FROM unnest($1::text[], $2::bigint[]) AS u (id, at)
       ON CONFLICT (device_id) DO UPDATE SET
         last_seen = GREATEST(s.last_seen, excluded.last_seen),
         online = CASE WHEN s.online IS NOT TRUE AND excluded.last_seen > COALESCE(s.status_changed_at, 0)
                       THEN true ELSE s.online END,
         status_changed_at = CASE WHEN s.online IS NOT TRUE AND excluded.last_seen > COALESCE(s.status_changed_at, 0)
                                  THEN excluded.last_seen ELSE s.status_changed_at END`,
      [ids, ids.map((id) => lastSeen.get(id)!)],
    );
  }

  async applyStatus(u: StatusUpdate): Promise<void> {
    // a status older than the one applied already (a late last will) changes nothing but last_seen
    await this.db.query(
      `INSERT INTO devices_seen AS s
         (device_id, first_seen, last_seen, online, status_changed_at, model, firmware, serial, reporting_interval_ms)
       VALUES ($1, $2, $2, $3, $2, $4, $5, $6, $7)
       ON CONFLICT (device_id) DO UPDATE SET
         last_seen = GREATEST(s.last_seen, excluded.last_seen),
         online = CASE WHEN s.status_changed_at IS NULL OR excluded.status_changed_at >= s.status_changed_at
                       THEN excluded.online ELSE s.online END,
         status_changed_at = GREATEST(COALESCE(s.status_changed_at, 0), excluded.status_changed_at),
         model = COALESCE(excluded.model, s.model),
         firmware = COALESCE(excluded.firmware, s.firmware),
         serial = COALESCE(excluded.serial, s.serial),
         reporting_interval_ms = COALESCE(excluded.reporting_interval_ms, s.reporting_interval_ms)`,
      [
        u.deviceId,
        u.ts,
        u.state === 'online',
        u.model ?? null,
        u.firmware ?? null,
        u.serial ?? null,
        u.reportingIntervalMs ?? null,
      ],
    );
  }

  async markSilent(
    devices: ReadonlyArray<{ deviceId: string; lastSeen: number; at: number }>,
  ): Promise<string[]> {
    if (!devices.length) return [];
    // one statement: a device heard from after `lastSeen` meanwhile stays online
    const { rows } = await this.db.query<{ device_id: string }>(
      `UPDATE devices_seen AS s SET online = false, status_changed_at = u.at
       FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS u (id, last_seen, at)
       WHERE s.device_id = u.id AND s.online AND s.last_seen <= u.last_seen
       RETURNING s.device_id`,
      [devices.map((d) => d.deviceId), devices.map((d) => d.lastSeen), devices.map((d) => d.at)],
    );
    const changed = new Set(rows.map((r) => r.device_id));
    return devices.map((d) => d.deviceId).filter((id) => changed.has(id));
  }

  async restore(devices: readonly DeviceSighting[]): Promise<void> {
    if (!devices.length) return;
    const sorted = [...devices].sort((a, b) =>
      a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0,
    );
    const column = <T extends string | number | boolean | null>(get: (d: DeviceSighting) => T) =>
      sorted.map(get);
    await this.db.query(
      `INSERT INTO devices_seen AS s
         (device_id, first_seen, last_seen, online, status_changed_at, model, firmware, serial, reporting_interval_ms)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::boolean[], $5::bigint[],
                            $6::text[], $7::text[], $8::text[], $9::bigint[])
       ON CONFLICT (device_id) DO UPDATE SET
         first_seen = LEAST(s.first_seen, excluded.first_seen),
         last_seen = GREATEST(s.last_seen, excluded.last_seen),
         online = CASE WHEN s.status_changed_at IS NULL OR excluded.status_changed_at >= s.status_changed_at
                       THEN excluded.online ELSE s.online END,
         status_changed_at = GREATEST(s.status_changed_at, excluded.status_changed_at),
         model = COALESCE(excluded.model, s.model),
         firmware = COALESCE(excluded.firmware, s.firmware),
         serial = COALESCE(excluded.serial, s.serial),
         reporting_interval_ms = COALESCE(excluded.reporting_interval_ms, s.reporting_interval_ms)`,
      [
        column((d) => d.deviceId),
        column((d) => d.firstSeen),
        column((d) => d.lastSeen),
        column((d) => d.online),
        column((d) => d.statusChangedAt),
        column((d) => d.model),
        column((d) => d.firmware),
        column((d) => d.serial),
        column((d) => d.reportingIntervalMs),
      ],
    );
  }

  async get(deviceId: string): Promise<DeviceSighting | null> {
    const { rows } = await this.db.query<DeviceRow>(`${SELECT} WHERE s.device_id = $1`, [deviceId]);
    return rows.length ? toDevice(rows[0]) : null;
  }

  async list(q: DeviceListQuery): Promise<DeviceSighting[]> {
    const where: string[] = [];
    const params: Array<string | boolean | number> = [];
    if (q.after !== undefined) {
      params.push(q.after);
      where.push(`s.device_id > $${params.length}`);
    }
    if (q.online !== undefined) {
      params.push(q.online);
      where.push(`s.online = $${params.length}`);
    }
    params.push(q.limit);
    const { rows } = await this.db.query<DeviceRow>(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.device_id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toDevice);
  }
}

function toDevice(r: DeviceRow): DeviceSighting {
  return {
    deviceId: r.device_id,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    online: r.online,
    statusChangedAt: r.status_changed_at,
    model: r.model,
    firmware: r.firmware,
    serial: r.serial,
    reportingIntervalMs: r.reporting_interval_ms,
  };
}
