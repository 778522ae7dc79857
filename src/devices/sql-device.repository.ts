import type { StatusUpdate } from '../ports/records.js';
import type { RecordsDatabase } from '../ports/records-database.port.js';
import type { DeviceListQuery, DeviceRepository, DeviceSeen } from './device.repository.js';

interface DeviceRow {
  device_id: string;
  first_seen: number;
  last_seen: number;
  online: boolean | null;
  status_changed_at: number | null;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  registered: boolean;
}

// `registered` reads the registry's table: the one place a feature reads another's, kept
// until registry changes reach this feature as events (see docs/records.md)
const SELECT = `SELECT s.*, d.id IS NOT NULL AS registered
  FROM devices_seen s LEFT JOIN registry_devices d ON d.id = s.device_id`;

/** Devices seen, on the records database (PGlite or PostgreSQL). */
export class SqlDeviceRepository implements DeviceRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async touch(lastSeen: ReadonlyMap<string, number>): Promise<void> {
    if (!lastSeen.size) return;
    // sorted: replicas touching the same devices lock their rows in the same order
    const ids = [...lastSeen.keys()].sort();
    await this.db.query(
      `INSERT INTO devices_seen AS s (device_id, first_seen, last_seen)
       SELECT id, at, at FROM unnest($1::text[], $2::bigint[]) AS u (id, at)
       ON CONFLICT (device_id) DO UPDATE SET last_seen = GREATEST(s.last_seen, excluded.last_seen)`,
      [ids, ids.map((id) => lastSeen.get(id)!)],
    );
  }

  async applyStatus(u: StatusUpdate): Promise<void> {
    // a status older than the one applied already (a late last will) changes nothing but last_seen
    await this.db.query(
      `INSERT INTO devices_seen AS s
         (device_id, first_seen, last_seen, online, status_changed_at, model, firmware, serial)
       VALUES ($1, $2, $2, $3, $2, $4, $5, $6)
       ON CONFLICT (device_id) DO UPDATE SET
         last_seen = GREATEST(s.last_seen, excluded.last_seen),
         online = CASE WHEN s.status_changed_at IS NULL OR excluded.status_changed_at >= s.status_changed_at
                       THEN excluded.online ELSE s.online END,
         status_changed_at = GREATEST(COALESCE(s.status_changed_at, 0), excluded.status_changed_at),
         model = COALESCE(excluded.model, s.model),
         firmware = COALESCE(excluded.firmware, s.firmware),
         serial = COALESCE(excluded.serial, s.serial)`,
      [u.deviceId, u.ts, u.state === 'online', u.model ?? null, u.firmware ?? null, u.serial ?? null],
    );
  }

  async get(deviceId: string): Promise<DeviceSeen | null> {
    const { rows } = await this.db.query<DeviceRow>(`${SELECT} WHERE s.device_id = $1`, [deviceId]);
    return rows.length ? toDevice(rows[0]) : null;
  }

  async list(q: DeviceListQuery): Promise<DeviceSeen[]> {
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
    if (q.registered !== undefined) where.push(q.registered ? 'd.id IS NOT NULL' : 'd.id IS NULL');
    params.push(q.limit);
    const { rows } = await this.db.query<DeviceRow>(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.device_id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toDevice);
  }
}

function toDevice(r: DeviceRow): DeviceSeen {
  return {
    deviceId: r.device_id,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    online: r.online,
    statusChangedAt: r.status_changed_at,
    model: r.model,
    firmware: r.firmware,
    serial: r.serial,
    registered: r.registered,
  };
}
