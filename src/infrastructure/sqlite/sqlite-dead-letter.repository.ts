import type { Statement } from 'better-sqlite3';
import type { DeadLetterQuery, DeadLetterRepository } from '../../ports/dead-letter-repository.port.js';
import type { DeadLetter, DeadLetterReason, StoredDeadLetter } from '../../ports/records.js';
import type { SqliteDatabase } from './sqlite-database.js';

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

export class SqliteDeadLetterRepository implements DeadLetterRepository {
  private readonly insert: Statement;
  private readonly addTx: (records: readonly DeadLetter[]) => void;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly maxRecords: number,
  ) {
    this.insert = db.prepare(
      `INSERT INTO dead_letters (received_at, reason, detail, topic, device_id, payload, payload_bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const prune = db.prepare('DELETE FROM dead_letters WHERE id <= (SELECT MAX(id) FROM dead_letters) - ?');
    this.addTx = db.transaction((records: readonly DeadLetter[]) => {
      for (const r of records) {
        this.insert.run(
          r.receivedAt,
          r.reason,
          r.detail,
          r.topic,
          r.deviceId ?? null,
          r.payload,
          r.payloadBytes,
        );
      }
      prune.run(this.maxRecords);
    });
  }

  add(records: readonly DeadLetter[]): Promise<void> {
    if (records.length) this.addTx(records);
    return Promise.resolve();
  }

  list(q: DeadLetterQuery): Promise<StoredDeadLetter[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: q.limit };
    if (q.reason) {
      where.push('reason = @reason');
      params.reason = q.reason;
    }
    if (q.deviceId) {
      where.push('device_id = @device');
      params.device = q.deviceId;
    }
    if (q.before !== undefined) {
      where.push('id < @before');
      params.before = q.before;
    }
    const sql = `SELECT * FROM dead_letters ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
    const rows = this.db.prepare(sql).all(params) as DeadLetterRow[];
    return Promise.resolve(
      rows.map((r) => {
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
      }),
    );
  }

  count(): Promise<number> {
    return Promise.resolve(
      (this.db.prepare('SELECT COUNT(*) AS n FROM dead_letters').get() as { n: number }).n,
    );
  }
}
