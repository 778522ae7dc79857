import type { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** A row an import refused, with where it is in the file and why. */
export interface ImportRowError {
  /** Line of the file (CSV: the header is line 1), or index + 1 in a JSON array. */
  line: number;
  id?: string;
  reason: string;
}

/** Something taken with a doubt (an option let it through), once per kind: where first seen, and how often. */
export interface ImportWarning {
  line: number;
  reason: string;
  rows: number;
}

/** What an import did: good rows are kept even when others are refused. */
export interface ImportReport {
  rows: number;
  accepted: number;
  rejected: number;
  /** The first refused rows (up to `MAX_REPORTED_ERRORS`); `rejected` counts them all. */
  errors: ImportRowError[];
  errorsTruncated: boolean;
  /** Rows accepted with a doubt, one entry per distinct reason (up to `MAX_REPORTED_ERRORS`). */
  warnings: ImportWarning[];
}

export const MAX_REPORTED_ERRORS = 1000;

export class ImportReportBuilder<R extends ImportReport = ImportReport> {
  readonly report: R;
  private readonly warnings = new Map<string, ImportWarning>();

  constructor(extra: Omit<R, keyof ImportReport>) {
    this.report = {
      rows: 0,
      accepted: 0,
      rejected: 0,
      errors: [],
      errorsTruncated: false,
      warnings: [],
      ...extra,
    } as unknown as R;
  }

  accept(n = 1): void {
    this.report.rows += n;
    this.report.accepted += n;
  }

  /** The report, refused rows in file order. */
  finish(): R {
    this.report.errors.sort((a, b) => a.line - b.line);
    this.report.warnings.sort((a, b) => a.line - b.line);
    return this.report;
  }

  /** A row taken with a doubt; the same reason again only counts. */
  warn(line: number, reason: string): void {
    const known = this.warnings.get(reason);
    if (known) known.rows++;
    else if (this.warnings.size < MAX_REPORTED_ERRORS) {
      const warning = { line, reason, rows: 1 };
      this.warnings.set(reason, warning);
      this.report.warnings.push(warning);
    }
  }

  reject(error: ImportRowError): void {
    this.report.rows++;
    this.report.rejected++;
    if (this.report.errors.length < MAX_REPORTED_ERRORS) this.report.errors.push(error);
    else this.report.errorsTruncated = true;
  }
}

/** Rows of every import (registry, history), by import kind and outcome: one metric both features count in. */
export function importRowsCounter(metrics: MetricsService) {
  return metrics.counter({
    name: 'fleet_import_rows_total',
    help: 'Rows of registry and history imports, by import kind and outcome (accepted, rejected).',
    labelNames: ['kind', 'outcome'] as const,
  });
}
