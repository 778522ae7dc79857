import type { RecordsDatabase } from '../ports/records-database.port.js';
import type { TrainedPredictor } from './failure-predictor.js';
import type { PredictionModelRecord, PredictionModelRepository } from './prediction-model.repository.js';

/** Trained models on the records database (PGlite or PostgreSQL). */
export class SqlPredictionModelRepository implements PredictionModelRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async save(record: PredictionModelRecord, model: TrainedPredictor): Promise<void> {
    await this.db.query(
      `INSERT INTO predictions_models (version, trained_at, record, model) VALUES ($1, $2, $3::json, $4::json)
       ON CONFLICT (version) DO UPDATE SET trained_at = excluded.trained_at, record = excluded.record, model = excluded.model`,
      [record.version, record.trainedAt, JSON.stringify(record), JSON.stringify(model)],
    );
  }

  async latest(): Promise<{ record: PredictionModelRecord; model: TrainedPredictor } | null> {
    const { rows } = await this.db.query<{ record: PredictionModelRecord; model: TrainedPredictor }>(
      'SELECT record, model FROM predictions_models ORDER BY trained_at DESC, version DESC LIMIT 1',
    );
    return rows[0] ?? null;
  }

  async list(q: { limit: number; after?: string }): Promise<PredictionModelRecord[]> {
    const { rows } = await this.db.query<{ record: PredictionModelRecord }>(
      `SELECT record FROM predictions_models
       WHERE $1::text IS NULL
          OR (trained_at, version) < (SELECT trained_at, version FROM predictions_models WHERE version = $1)
       ORDER BY trained_at DESC, version DESC LIMIT $2`,
      [q.after ?? null, q.limit],
    );
    return rows.map((r) => r.record);
  }

  async get(version: string): Promise<PredictionModelRecord | null> {
    const { rows } = await this.db.query<{ record: PredictionModelRecord }>(
      'SELECT record FROM predictions_models WHERE version = $1',
      [version],
    );
    return rows[0]?.record ?? null;
  }
}
