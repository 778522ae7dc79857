import type { RecordsDatabase } from '../ports/records-database.port.js';
import type {
  ComponentRisk,
  ComponentRiskRepository,
  RiskRankingQuery,
  ScoringWatermark,
} from './component-risk.repository.js';

/** Rows per statement: bounds one statement's size when a whole fleet is scored. */
const CHUNK = 5_000;

/** Current risk and the scoring job's bookkeeping on the records database (PGlite or PostgreSQL). */
export class SqlComponentRiskRepository implements ComponentRiskRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async save(rows: readonly ComponentRisk[]): Promise<void> {
    // sorted: concurrent writers lock rows in the same order
    const sorted = [...rows].sort((a, b) => cmp(a.deviceId, b.deviceId) || cmp(a.component, b.component));
    for (let i = 0; i < sorted.length; i += CHUNK) {
      const chunk = sorted.slice(i, i + CHUNK);
      // per-row arrays travel as array literals ('{7,14,30}') and are cast row by row
      await this.db.query(
        `INSERT INTO predictions_risk AS r
           (device_id, component, model_id, site_id, customer_id, alert, horizons, probabilities, doc)
         SELECT u.device_id, u.component, u.model_id, u.site_id, u.customer_id, u.alert,
                u.horizons::integer[], u.probabilities::double precision[], u.doc::json
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[],
                     $8::text[], $9::text[])
           AS u(device_id, component, model_id, site_id, customer_id, alert, horizons, probabilities, doc)
         ON CONFLICT (device_id, component) DO UPDATE SET model_id = excluded.model_id, site_id = excluded.site_id,
           customer_id = excluded.customer_id, alert = excluded.alert, horizons = excluded.horizons,
           probabilities = excluded.probabilities, doc = excluded.doc`,
        [
          chunk.map((r) => r.deviceId),
          chunk.map((r) => r.component),
          chunk.map((r) => r.modelId),
          chunk.map((r) => r.siteId),
          chunk.map((r) => r.customerId),
          chunk.map((r) => r.alert),
          chunk.map((r) => `{${r.risk.map((x) => x.horizonDays).join(',')}}`),
          chunk.map((r) => `{${r.risk.map((x) => x.probability).join(',')}}`),
          chunk.map((r) => JSON.stringify(r)),
        ],
      );
    }
  }

  async find(deviceIds?: readonly string[]): Promise<ComponentRisk[]> {
    const { rows } = await this.db.query<{ doc: ComponentRisk }>(
      `SELECT doc FROM predictions_risk WHERE $1::text[] IS NULL OR device_id = ANY($1::text[])
       ORDER BY device_id, component`,
      [deviceIds ? [...deviceIds] : null],
    );
    return rows.map((r) => r.doc);
  }

  async rank(q: RiskRankingQuery): Promise<ComponentRisk[]> {
    const { rows } = await this.db.query<{ doc: ComponentRisk }>(
      `SELECT doc FROM (
         SELECT doc, device_id, component, probabilities[array_position(horizons, $1)] AS p FROM predictions_risk
         WHERE ($2::text IS NULL OR model_id = $2) AND ($3::text IS NULL OR site_id = $3)
           AND ($4::text IS NULL OR customer_id = $4) AND ($5::text IS NULL OR component = $5)
           AND ($6::boolean IS NULL OR alert = $6)
       ) r
       WHERE p IS NOT NULL
         AND ($7::double precision IS NULL OR p < $7 OR (p = $7 AND (device_id, component) > ($8, $9)))
       ORDER BY p DESC, device_id, component LIMIT $10`,
      [
        q.horizonDays,
        q.modelId ?? null,
        q.siteId ?? null,
        q.customerId ?? null,
        q.component ?? null,
        q.alerting ?? null,
        q.after?.probability ?? null,
        q.after?.deviceId ?? null,
        q.after?.component ?? null,
        q.limit,
      ],
    );
    return rows.map((r) => r.doc);
  }

  async remove(keys: ReadonlyArray<{ deviceId: string; component?: string }>): Promise<void> {
    const devices = keys.filter((k) => k.component === undefined).map((k) => k.deviceId);
    const parts = keys.filter((k) => k.component !== undefined);
    if (devices.length)
      await this.db.query('DELETE FROM predictions_risk WHERE device_id = ANY($1::text[])', [devices]);
    if (parts.length)
      await this.db.query(
        `DELETE FROM predictions_risk WHERE (device_id, component) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [parts.map((k) => k.deviceId), parts.map((k) => k.component!)],
      );
  }

  async markLate(marks: ReadonlyMap<string, number>): Promise<void> {
    if (!marks.size) return;
    const ids = [...marks.keys()].sort();
    await this.db.query(
      `INSERT INTO predictions_late AS l (device_id, from_ts)
       SELECT * FROM unnest($1::text[], $2::bigint[])
       ON CONFLICT (device_id) DO UPDATE SET from_ts = LEAST(l.from_ts, excluded.from_ts)`,
      [ids, ids.map((id) => marks.get(id)!)],
    );
  }

  async takeLate(): Promise<Map<string, number>> {
    const { rows } = await this.db.query<{ device_id: string; from_ts: number }>(
      'DELETE FROM predictions_late RETURNING device_id, from_ts',
    );
    return new Map(rows.map((r) => [r.device_id, r.from_ts]));
  }

  async watermark(): Promise<ScoringWatermark | null> {
    const { rows } = await this.db.query<{ value: string }>(
      `SELECT value FROM predictions_state WHERE key = 'watermark'`,
    );
    return rows.length ? (JSON.parse(rows[0].value) as ScoringWatermark) : null;
  }

  async saveWatermark(w: ScoringWatermark): Promise<void> {
    await this.db.query(
      `INSERT INTO predictions_state (key, value) VALUES ('watermark', $1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [JSON.stringify(w)],
    );
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
