import type { DeadLetter, DeadLetterReason, StoredDeadLetter } from '../ports/records.js';

export interface DeadLetterQuery {
  reason?: DeadLetterReason;
  deviceId?: string;
  limit: number;
  /** Paging cursor: records with ids below this one (newest first). */
  before?: number;
}

/** Rejected input, kept for inspection. Bounded: the oldest records are pruned. */
export interface DeadLetterRepository {
  add(records: readonly DeadLetter[]): Promise<void>;
  list(query: DeadLetterQuery): Promise<StoredDeadLetter[]>;
  count(): Promise<number>;
}

export const DEAD_LETTER_REPOSITORY = Symbol('DeadLetterRepository');
