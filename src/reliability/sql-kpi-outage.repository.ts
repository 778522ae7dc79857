import type { RecordsDatabase, SqlExecutor } from '../ports/records-database.port.js';
import type { DeviceOutage, KpiOutageRepository, OutageChange } from './kpi-outage.repository.js';

/** Stands for "still down": after any time the platform stores (year 275760), and a safe integer. */
const OPEN = 8_640_000_000_000_000;

/** Outages on the records database (PGlite or PostgreSQL). */
export class SqlKpiOutageRepository implements KpiOutageRepository {
  constructor(private readonly db: RecordsDatabase) {}

  replaceFrom(changes: readonly OutageChange[]): Promise<void> {
    if (!changes.length) return Promise.resolve();
    return this.db.transaction(async (tx) => {
      // three statements per round whatever the number of devices; a device given twice
      // goes to a later round, so the changes apply in their order
      for (const round of rounds(changes)) await this.replaceRound(tx, round);
    });
  }

  async overlapping(q: { from: number; to: number; deviceIds?: readonly string[] }): Promise<DeviceOutage[]> {
    const params: Array<number | readonly string[]> = [q.from, q.to];
    if (q.deviceIds) params.push(q.deviceIds);
    const { rows } = await this.db.query<{ device_id: string; start: number; end_ts: number }>(
      `SELECT device_id, start, end_ts FROM kpi_outages
       WHERE end_ts > $1 AND start < $2 ${q.deviceIds ? 'AND device_id = ANY($3::text[])' : ''}
       ORDER BY device_id, start`,
      params,
    );
    return rows.map((r) => ({
      deviceId: r.device_id,
      start: r.start,
      end: r.end_ts >= OPEN ? null : r.end_ts,
    }));
  }

  async clear(): Promise<void> {
    await this.db.query('DELETE FROM kpi_outages');
  }

  private async replaceRound(tx: SqlExecutor, changes: readonly OutageChange[]): Promise<void> {
    const sorted = [...changes].sort((a, b) =>
      a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0,
    );
    const from = [sorted.map((c) => c.deviceId), sorted.map((c) => c.from)];
    await tx.query(
      `DELETE FROM kpi_outages AS o USING unnest($1::text[], $2::bigint[]) AS c (id, from_ts)
       WHERE o.device_id = c.id AND o.start >= c.from_ts`,
      from,
    );
    // one running past `from` is cut there
    await tx.query(
      `UPDATE kpi_outages AS o SET end_ts = c.from_ts FROM unnest($1::text[], $2::bigint[]) AS c (id, from_ts)
       WHERE o.device_id = c.id AND o.start < c.from_ts AND o.end_ts > c.from_ts`,
      from,
    );
    const outages = sorted.flatMap((c) =>
      c.outages.map((o) => [c.deviceId, o.start, o.end ?? OPEN] as const),
    );
    if (outages.length)
      await tx.query(
        `INSERT INTO kpi_outages (device_id, start, end_ts)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])`,
        [outages.map((o) => o[0]), outages.map((o) => o[1]), outages.map((o) => o[2])],
      );
  }
}

/** The changes in order, split where a device comes again. */
function rounds(changes: readonly OutageChange[]): OutageChange[][] {
  const all: OutageChange[][] = [[]];
  let seen = new Set<string>();
  for (const c of changes) {
    if (seen.has(c.deviceId)) {
      all.push([]);
      seen = new Set();
    }
    seen.add(c.deviceId);
    all[all.length - 1].push(c);
  }
  return all;
}
