import type { DeadLetter, DeadLetterReason, StoredDeadLetter } from '../ports/records.js';
import type { RecordsDatabase } from '../ports/records-database.port.js';
import type { DeadLetterQuery, DeadLetterRepository } from './dead-letter.repository.js';

interface DeadLetterRow {
  id: number;
  received_at: number;
  reason: string;
  detail: string;
  topic: string;
  device_id: string | null;
  payload: string;
  payload_bytes: number;
}

/** Dead letters on the records database (PGlite or PostgreSQL), the oldest pruned beyond `maxRecords`. */
export class SqlDeadLetterRepository implements DeadLetterRepository {
  constructor(
    private readonly db: RecordsDatabase,
    private readonly maxRecords: number,
  ) {}

  async add(records: readonly DeadLetter[]): Promise<void> {
    if (!records.length) return;
    await this.db.transaction(async (tx) => {
      // ids follow the order of `records` (unnest keeps it)
      await tx.query(
        `INSERT INTO dead_letters (received_at, reason, detail, topic, device_id, payload, payload_bytes)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::integer[])`,
        [
          records.map((r) => r.receivedAt),
          records.map((r) => r.reason),
          records.map((r) => r.detail),
          records.map((r) => r.topic),
          records.map((r) => r.deviceId ?? null),
          records.map((r) => r.payload),
          records.map((r) => r.payloadBytes),
        ],
      );
      await tx.query('DELETE FROM dead_letters WHERE id <= (SELECT MAX(id) FROM dead_letters) - $1', [
        this.maxRecords,
      ]);
    });
  }

  async list(q: DeadLetterQuery): Promise<StoredDeadLetter[]> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    const add = (sql: string, value: string | number): void => {
      params.push(value);
      where.push(`${sql} $${params.length}`);
    };
    if (q.reason) add('reason =', q.reason);
    if (q.deviceId) add('device_id =', q.deviceId);
    if (q.before !== undefined) add('id <', q.before);
    params.push(q.limit);
    const { rows } = await this.db.query<DeadLetterRow>(
      `SELECT * FROM dead_letters ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => {
      const record: StoredDeadLetter = {
        id: r.id,
        receivedAt: r.received_at,
        reason: r.reason as DeadLetterReason,
        detail: r.detail,
        topic: r.topic,
        payload: r.payload,
        payloadBytes: r.payload_bytes,
      };
      if (r.device_id !== null) record.deviceId = r.device_id;
      return record;
    });
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM dead_letters');
    return rows[0].n;
  }
}
