/** A row an import refused, with where it is in the file and why. */
export interface ImportRowError {
  /** Line of the file (CSV: the header is line 1), or index + 1 in a JSON array. */
  line: number;
  id?: string;
  reason: string;
}

/** What an import did: good rows are kept even when others are refused. */
export interface ImportReport {
  rows: number;
  accepted: number;
  rejected: number;
  /** The first refused rows (up to `MAX_REPORTED_ERRORS`); `rejected` counts them all. */
  errors: ImportRowError[];
  errorsTruncated: boolean;
}

export const MAX_REPORTED_ERRORS = 1000;

export class ImportReportBuilder<R extends ImportReport = ImportReport> {
  readonly report: R;

  constructor(extra: Omit<R, keyof ImportReport>) {
    this.report = {
      rows: 0,
      accepted: 0,
      rejected: 0,
      errors: [],
      errorsTruncated: false,
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
    return this.report;
  }

  reject(error: ImportRowError): void {
    this.report.rows++;
    this.report.rejected++;
    if (this.report.errors.length < MAX_REPORTED_ERRORS) this.report.errors.push(error);
    else this.report.errorsTruncated = true;
  }
}
