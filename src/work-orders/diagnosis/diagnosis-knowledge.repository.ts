import type { DiagnosisKnowledge } from './diagnosis-knowledge.js';

/** The knowledge learned from history, kept so every replica diagnoses with the same. */
export interface DiagnosisKnowledgeRepository {
  load(): Promise<{ knowledge: DiagnosisKnowledge; learnedAt: number } | null>;
  save(knowledge: DiagnosisKnowledge, learnedAt: number): Promise<void>;
}

export const DIAGNOSIS_KNOWLEDGE_REPOSITORY = Symbol('DiagnosisKnowledgeRepository');
