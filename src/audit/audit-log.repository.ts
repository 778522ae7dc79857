import type { AuditEntry, AuditQuery } from './audit-entry.js';

/**
 * The audit log's records: append-only. One SQL implementation runs on PGlite and
 * PostgreSQL (`sql-audit-log.repository.ts`); `test/contract/audit-log.contract.ts`.
 */
export interface AuditLogRepository {
  append(entries: readonly AuditEntry[]): Promise<void>;
  /** Newest first. */
  list(q: AuditQuery): Promise<AuditEntry[]>;
}

export const AUDIT_LOG_REPOSITORY = Symbol('AuditLogRepository');
