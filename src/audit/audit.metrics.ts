import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** The audit log: entries stored, and entries that could not be. */
@Injectable()
export class AuditMetrics {
  readonly recorded: Counter;
  readonly failures: Counter;

  constructor(metrics: MetricsService) {
    this.recorded = metrics.counter({
      name: 'fleet_audit_entries_total',
      help: 'Entries written to the audit log.',
    });
    this.failures = metrics.counter({
      name: 'fleet_audit_write_failures_total',
      help: 'Audit entries that could not be stored (logged at error level instead).',
    });
  }
}
