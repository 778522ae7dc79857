import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AuditEntry, AuditQuery } from './audit-entry.js';
import { AUDIT_LOG_REPOSITORY, type AuditLogRepository } from './audit-log.repository.js';
import { AuditMetrics } from './audit.metrics.js';

/**
 * The audit log: every write through the API (by the audit middleware), the keys
 * CLI and MQTT provisioning. Recording never fails the write it records: a failure
 * to store an entry is logged and counted (`fleet_audit_write_failures_total`).
 */
@Injectable()
export class AuditService implements OnApplicationShutdown {
  private readonly logger = new Logger(AuditService.name);
  private pending: Promise<void> = Promise.resolve();

  constructor(
    @Inject(AUDIT_LOG_REPOSITORY) private readonly repo: AuditLogRepository,
    private readonly metrics: AuditMetrics,
  ) {}

  /** Queues the entry; entries are stored in order. */
  record(entry: AuditEntry): void {
    this.pending = this.pending
      .then(() => this.repo.append([entry]))
      .then(
        () => this.metrics.recorded.inc(),
        (err: unknown) => {
          this.metrics.failures.inc();
          this.logger.error({ err, audit: entry }, 'audit entry not stored');
        },
      );
  }

  list(q: AuditQuery): Promise<AuditEntry[]> {
    return this.repo.list(q);
  }

  /** Resolves once every entry recorded so far is stored (or failed). */
  whenIdle(): Promise<void> {
    return this.pending;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pending;
  }
}
