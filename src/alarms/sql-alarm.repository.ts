import type { RecordsDatabase, SqlExecutor, SqlParam } from '../ports/records-database.port.js';
import {
  ALARM_SEVERITIES,
  severityRank,
  type Alarm,
  type AlarmChange,
  type AlarmSeverity,
  type AlarmStatus,
} from './alarm.js';
import type { NotificationRule } from './alarm-notification.js';
import type {
  AlarmCounts,
  AlarmListQuery,
  AlarmRepository,
  RaiseCommand,
  RaiseOutcome,
} from './alarm.repository.js';

interface AlarmRow {
  id: string;
  device_id: string;
  type: string;
  severity: AlarmSeverity;
  status: AlarmStatus;
  acknowledged: boolean;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  first_raised_at: number;
  last_raised_at: number;
  count: number;
  cleared_at: number | null;
  message: string;
  details: Record<string, unknown>;
  customer_id: string | null;
  site_id: string | null;
  assignee: string | null;
  work_order_id: string | null;
  version: number;
  updated_at: number;
}

const toAlarm = (r: AlarmRow): Alarm => ({
  id: r.id,
  deviceId: r.device_id,
  type: r.type,
  severity: r.severity,
  status: r.status,
  acknowledged: r.acknowledged,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
  firstRaisedAt: r.first_raised_at,
  lastRaisedAt: r.last_raised_at,
  count: r.count,
  clearedAt: r.cleared_at,
  message: r.message,
  details: r.details,
  customerId: r.customer_id,
  siteId: r.site_id,
  assignee: r.assignee,
  workOrderId: r.work_order_id,
  version: r.version,
  updatedAt: r.updated_at,
});

const rankToSeverity = (rank: number): AlarmSeverity => ALARM_SEVERITIES[ALARM_SEVERITIES.length - rank];

const COLUMNS = `id, device_id, type, severity, status, acknowledged, acknowledged_at, acknowledged_by,
  first_raised_at, last_raised_at, count, cleared_at, message, details, customer_id, site_id, assignee,
  work_order_id, version, updated_at`;

async function addHistory(
  db: SqlExecutor,
  entries: ReadonlyArray<{ alarmId: string } & AlarmChange>,
): Promise<void> {
  if (!entries.length) return;
  await db.query(
    `INSERT INTO alarms_history (alarm_id, at, actor, action, note)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[])`,
    [
      entries.map((e) => e.alarmId),
      entries.map((e) => e.at),
      entries.map((e) => e.actor),
      entries.map((e) => e.action),
      entries.map((e) => e.note),
    ],
  );
}

/** Alarms on the records database (PGlite or PostgreSQL): docs/records.md. */
export class SqlAlarmRepository implements AlarmRepository {
  constructor(private readonly db: RecordsDatabase) {}

  raise(
    c: RaiseCommand,
    fresh: { id: string; customerId: string | null; siteId: string | null },
    now: number,
  ): Promise<{ alarm: Alarm; outcome: RaiseOutcome }> {
    return this.db.transaction(async (tx) => {
      // one statement: the insert, or the repeat of the active alarm of the same device and type
      const { rows } = await tx.query<AlarmRow & { old_rank: number | null }>(
        `WITH old AS (
           SELECT severity_rank FROM alarms WHERE device_id = $2 AND type = $3 AND status = 'active'
         ), up AS (
           INSERT INTO alarms AS a (id, device_id, type, severity, severity_rank, status, acknowledged,
             first_raised_at, last_raised_at, count, message, details, customer_id, site_id, version, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'active', false, $6, $6, 1, $7, $8::json, $9, $10, 1, $11)
           ON CONFLICT (device_id, type) WHERE status = 'active' DO UPDATE SET
             count = a.count + 1,
             last_raised_at = GREATEST(a.last_raised_at, excluded.last_raised_at),
             severity = CASE WHEN excluded.severity_rank > a.severity_rank THEN excluded.severity ELSE a.severity END,
             severity_rank = GREATEST(a.severity_rank, excluded.severity_rank),
             acknowledged = a.acknowledged AND excluded.severity_rank <= a.severity_rank,
             acknowledged_at = CASE WHEN excluded.severity_rank > a.severity_rank THEN NULL ELSE a.acknowledged_at END,
             acknowledged_by = CASE WHEN excluded.severity_rank > a.severity_rank THEN NULL ELSE a.acknowledged_by END,
             message = excluded.message,
             details = excluded.details,
             version = a.version + 1,
             updated_at = excluded.updated_at
           RETURNING ${COLUMNS}
         )
         SELECT up.*, (SELECT severity_rank FROM old) AS old_rank FROM up`,
        [
          fresh.id,
          c.deviceId,
          c.type,
          c.severity,
          severityRank(c.severity),
          c.at,
          c.message,
          JSON.stringify(c.details),
          fresh.customerId,
          fresh.siteId,
          now,
        ],
      );
      const row = rows[0];
      const outcome: RaiseOutcome =
        row.count === 1 && row.id === fresh.id
          ? 'raised'
          : row.old_rank !== null && severityRank(c.severity) > row.old_rank
            ? 'escalated'
            : 'repeated';
      // a repeat is counted, not written to the history: a flapping fault would flood it
      if (outcome !== 'repeated')
        await addHistory(tx, [
          { alarmId: row.id, at: c.at, actor: 'system', action: outcome, note: c.message },
        ]);
      return { alarm: toAlarm(row), outcome };
    });
  }

  async clear(
    type: string,
    deviceIds: readonly string[],
    at: number,
    note: string,
    now: number,
  ): Promise<Alarm[]> {
    if (!deviceIds.length) return [];
    return this.clearWhere('device_id = ANY($4::text[])', [type, at, now, [...deviceIds]], at, note);
  }

  clearQuiet(type: string, before: number, note: string, now: number): Promise<Alarm[]> {
    return this.clearWhere('last_raised_at < $4', [type, now, now, before], now, note);
  }

  private clearWhere(condition: string, params: SqlParam[], at: number, note: string): Promise<Alarm[]> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<AlarmRow>(
        `UPDATE alarms SET status = 'cleared', cleared_at = $2, version = version + 1, updated_at = $3
         WHERE type = $1 AND status = 'active' AND ${condition}
         RETURNING ${COLUMNS}`,
        params,
      );
      await addHistory(
        tx,
        rows.map((r) => ({ alarmId: r.id, at, actor: 'system', action: 'cleared' as const, note })),
      );
      return rows.map(toAlarm);
    });
  }

  async activeOf(deviceIds: readonly string[]): Promise<Array<{ deviceId: string; type: string }>> {
    if (!deviceIds.length) return [];
    const { rows } = await this.db.query<{ device_id: string; type: string }>(
      `SELECT device_id, type FROM alarms WHERE status = 'active' AND device_id = ANY($1::text[])`,
      [[...new Set(deviceIds)]],
    );
    return rows.map((r) => ({ deviceId: r.device_id, type: r.type }));
  }

  async activeDevices(type: string, deviceIds: readonly string[]): Promise<Set<string>> {
    if (!deviceIds.length) return new Set();
    const { rows } = await this.db.query<{ device_id: string }>(
      `SELECT device_id FROM alarms WHERE type = $1 AND status = 'active' AND device_id = ANY($2::text[])`,
      [type, [...deviceIds]],
    );
    return new Set(rows.map((r) => r.device_id));
  }

  async get(id: string): Promise<Alarm | null> {
    const { rows } = await this.db.query<AlarmRow>(`SELECT ${COLUMNS} FROM alarms WHERE id = $1`, [id]);
    return rows[0] ? toAlarm(rows[0]) : null;
  }

  async history(id: string): Promise<AlarmChange[]> {
    const { rows } = await this.db.query<AlarmChange>(
      `SELECT at, actor, action, note FROM alarms_history WHERE alarm_id = $1 ORDER BY seq`,
      [id],
    );
    return rows;
  }

  update(a: Alarm, expectedVersion: number, change: AlarmChange): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rowCount } = await tx.query(
        `UPDATE alarms SET status = $3, acknowledged = $4, acknowledged_at = $5, acknowledged_by = $6,
           cleared_at = $7, assignee = $8, work_order_id = $9, version = $10, updated_at = $11
         WHERE id = $1 AND version = $2`,
        [
          a.id,
          expectedVersion,
          a.status,
          a.acknowledged,
          a.acknowledgedAt,
          a.acknowledgedBy,
          a.clearedAt,
          a.assignee,
          a.workOrderId,
          a.version,
          a.updatedAt,
        ],
      );
      if (rowCount !== 1) return false;
      await addHistory(tx, [{ alarmId: a.id, ...change }]);
      return true;
    });
  }

  async list(q: AlarmListQuery): Promise<Alarm[]> {
    const where: string[] = [];
    const params: SqlParam[] = [];
    const add = (sql: (n: string) => string, value: SqlParam): void => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.status) add((n) => `status = ${n}`, q.status);
    if (q.acknowledged !== undefined) add((n) => `acknowledged = ${n}`, q.acknowledged);
    if (q.severity) add((n) => `severity = ${n}`, q.severity);
    if (q.deviceId) add((n) => `device_id = ${n}`, q.deviceId);
    if (q.customerId) add((n) => `customer_id = ${n}`, q.customerId);
    if (q.siteId) add((n) => `site_id = ${n}`, q.siteId);
    if (q.workOrderId) add((n) => `work_order_id = ${n}`, q.workOrderId);
    if (q.type?.endsWith(':')) add((n) => `starts_with(type, ${n})`, q.type);
    else if (q.type) add((n) => `type = ${n}`, q.type);
    if (q.after) {
      const { rank, lastRaisedAt, id } = q.after;
      params.push(rank, lastRaisedAt, id);
      const [a, b, c] = [params.length - 2, params.length - 1, params.length];
      where.push(`(severity_rank, last_raised_at, id) < ($${a}, $${b}, $${c})`);
    }
    params.push(q.limit);
    const { rows } = await this.db.query<AlarmRow>(
      `SELECT ${COLUMNS} FROM alarms ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY severity_rank DESC, last_raised_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toAlarm);
  }

  async counts(): Promise<AlarmCounts> {
    const [bySeverity, unacked, bySite] = await Promise.all([
      this.db.query<{ severity: AlarmSeverity; n: number }>(
        `SELECT severity, count(*)::int AS n FROM alarms WHERE status = 'active' GROUP BY severity`,
      ),
      this.db.query<{ active: number; cleared: number }>(
        `SELECT count(*) FILTER (WHERE status = 'active')::int AS active,
                count(*) FILTER (WHERE status = 'cleared')::int AS cleared
         FROM alarms WHERE NOT acknowledged`,
      ),
      this.db.query<{ site_id: string; n: number; worst: number }>(
        `SELECT site_id, count(*)::int AS n, max(severity_rank)::int AS worst FROM alarms
         WHERE status = 'active' AND site_id IS NOT NULL GROUP BY site_id`,
      ),
    ]);
    const active = Object.fromEntries(ALARM_SEVERITIES.map((s) => [s, 0])) as Record<AlarmSeverity, number>;
    for (const r of bySeverity.rows) active[r.severity] = r.n;
    return {
      active,
      unacknowledged: unacked.rows[0]?.active ?? 0,
      clearedUnacknowledged: unacked.rows[0]?.cleared ?? 0,
      bySite: bySite.rows.map((r) => ({
        siteId: r.site_id,
        active: r.n,
        worst: rankToSeverity(r.worst),
      })),
    };
  }

  async activeByDevice(): Promise<Array<{ deviceId: string; active: number; worst: AlarmSeverity }>> {
    const { rows } = await this.db.query<{ device_id: string; n: number; worst: number }>(
      `SELECT device_id, count(*)::int AS n, max(severity_rank)::int AS worst FROM alarms
       WHERE status = 'active' GROUP BY device_id`,
    );
    return rows.map((r) => ({ deviceId: r.device_id, active: r.n, worst: rankToSeverity(r.worst) }));
  }

  async rules(): Promise<NotificationRule[]> {
    const { rows } = await this.db.query<{ doc: NotificationRule }>(
      `SELECT doc FROM alarms_notification_rules ORDER BY created_at, id`,
    );
    return rows.map((r) => r.doc);
  }

  async createRule(rule: NotificationRule): Promise<void> {
    await this.db.query(
      `INSERT INTO alarms_notification_rules (id, created_at, doc) VALUES ($1, $2, $3::json)`,
      [rule.id, rule.createdAt, JSON.stringify(rule)],
    );
  }

  async deleteRule(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query(`DELETE FROM alarms_notification_rules WHERE id = $1`, [id]);
    return rowCount > 0;
  }
}
