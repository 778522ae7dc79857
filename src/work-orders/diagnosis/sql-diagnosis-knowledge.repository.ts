import type { RecordsDatabase } from '../../ports/records-database.port.js';
import type { DiagnosisKnowledge } from './diagnosis-knowledge.js';
import type { DiagnosisKnowledgeRepository } from './diagnosis-knowledge.repository.js';

/** The learned diagnosis knowledge on the records database: one row. */
export class SqlDiagnosisKnowledgeRepository implements DiagnosisKnowledgeRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async load(): Promise<{ knowledge: DiagnosisKnowledge; learnedAt: number } | null> {
    const { rows } = await this.db.query<{ knowledge: DiagnosisKnowledge; learned_at: number }>(
      'SELECT knowledge, learned_at FROM work_order_diagnosis_knowledge WHERE id = 1',
    );
    return rows[0] ? { knowledge: rows[0].knowledge, learnedAt: rows[0].learned_at } : null;
  }

  async save(knowledge: DiagnosisKnowledge, learnedAt: number): Promise<void> {
    await this.db.query(
      `INSERT INTO work_order_diagnosis_knowledge (id, learned_at, knowledge) VALUES (1, $1, $2::jsonb)
       ON CONFLICT (id) DO UPDATE SET learned_at = excluded.learned_at, knowledge = excluded.knowledge`,
      [learnedAt, JSON.stringify(knowledge)],
    );
  }
}
