import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Ajv } from 'ajv';
import { isBadRow, readCsvRows } from '../common/csv-records.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { ImportReportBuilder, type ImportReport } from '../common/import-report.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import { KPI_STATE_REPOSITORY, type KpiStateRepository } from '../reliability/kpi-state.repository.js';
import type { EventRecord, TelemetryPoint } from '../ports/records.js';
import { REGISTRY_REPOSITORY, type RegistryRepository } from '../registry/registry.repository.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import { HistoryRowMapper, historyMappingSchema, type HistoryMapping } from './history-mapping.js';

export interface HistoryImportReport extends ImportReport {
  events: number;
  points: number;
  devices: number;
  /** Earliest and latest time imported; null when nothing was. */
  from: number | null;
  to: number | null;
}

/** Rows per store write: each write is awaited, so a large upload is read no faster than it is stored. */
const BATCH_ROWS = 5_000;
const PROGRESS_LOG_ROWS = 250_000;

const validateMapping = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
}).compile<HistoryMapping>(historyMappingSchema);

/**
 * Imports past events and telemetry from a field-service export (CSV). The store
 * identifies points and events by device, time (and type, code, component), so a
 * second import of the same file overwrites with the same values: nothing changes.
 */
@Injectable()
export class HistoryImportService {
  private readonly logger = new Logger(HistoryImportService.name);

  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(REGISTRY_REPOSITORY) private readonly registry: RegistryRepository,
    @Inject(KPI_STATE_REPOSITORY) private readonly kpiState: KpiStateRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  parseMapping(raw: string | undefined): HistoryMapping {
    if (!raw)
      throw new DomainError(ErrorCode.InvalidArgument, 'mapping (JSON) is required: which column is what');
    let mapping: unknown;
    try {
      mapping = JSON.parse(raw);
    } catch {
      throw new DomainError(ErrorCode.InvalidArgument, 'mapping is not valid JSON');
    }
    if (!validateMapping(mapping)) {
      const problems = (validateMapping.errors ?? []).map(
        (e) => `${e.instancePath.slice(1).replace(/\//g, '.') || 'mapping'}: ${e.message ?? 'invalid'}`,
      );
      throw new DomainError(ErrorCode.InvalidArgument, `mapping is invalid: ${problems.join('; ')}`);
    }
    return mapping;
  }

  async importCsv(
    mapping: HistoryMapping,
    input: Readable,
    allowUnknownDevices = false,
  ): Promise<HistoryImportReport> {
    const report = new ImportReportBuilder<HistoryImportReport>({
      events: 0,
      points: 0,
      devices: 0,
      from: null,
      to: null,
    });
    const mapper = new HistoryRowMapper(mapping, Date.now() + this.config.ingest.maxFutureSkewMs);
    const known = new Map<string, boolean>();
    const earliest = new Map<string, number>();
    let rows: Array<{
      line: number;
      deviceId: string;
      ts: number;
      points: TelemetryPoint[];
      event: EventRecord | null;
    }> = [];
    let headerChecked = false;

    const flush = async (): Promise<void> => {
      const unseen = [...new Set(rows.map((r) => r.deviceId))].filter((d) => !known.has(d));
      if (unseen.length) {
        const found = await this.registry.existing('devices', unseen);
        for (const d of unseen) known.set(d, allowUnknownDevices || found.has(d));
      }
      const points: TelemetryPoint[] = [];
      const events: EventRecord[] = [];
      for (const r of rows) {
        if (!known.get(r.deviceId)) {
          report.reject({ line: r.line, id: r.deviceId, reason: `device ${r.deviceId} is not registered` });
          continue;
        }
        points.push(...r.points);
        if (r.event) events.push(r.event);
        earliest.set(r.deviceId, Math.min(r.ts, earliest.get(r.deviceId) ?? Infinity));
        report.report.from = Math.min(r.ts, report.report.from ?? Infinity);
        report.report.to = Math.max(r.ts, report.report.to ?? -Infinity);
        report.accept();
      }
      if (points.length || events.length) {
        try {
          await this.store.write(points, events);
        } catch (err) {
          throw new DomainError(
            ErrorCode.Unavailable,
            `the store refused a batch: ${(err as Error).message}`,
            {
              report: report.finish(),
            },
          );
        }
      }
      report.report.points += points.length;
      report.report.events += events.length;
      rows = [];
    };

    for await (const row of readCsvRows(input)) {
      if (isBadRow(row)) {
        report.reject({ line: row.line, reason: row.reason });
        continue;
      }
      if (!headerChecked) {
        headerChecked = true;
        const problems = HistoryRowMapper.headerProblems(mapping, Object.keys(row.fields));
        if (problems.length)
          throw new DomainError(
            ErrorCode.InvalidArgument,
            `the mapping does not fit the file: ${problems.join('; ')}`,
          );
      }
      const out = mapper.map(row.fields);
      if (!out.ok) report.reject({ line: row.line, id: out.deviceId, reason: out.reason });
      else
        rows.push({
          line: row.line,
          deviceId: out.deviceId,
          ts: out.ts,
          points: out.points,
          event: out.event,
        });
      if (rows.length >= BATCH_ROWS) await flush();
      if (report.report.rows > 0 && report.report.rows % PROGRESS_LOG_ROWS === 0)
        this.logger.log(
          { rows: report.report.rows, rejected: report.report.rejected },
          'history import in progress',
        );
    }
    await flush();
    // the KPI ledger recomputes these devices from their earliest imported time
    if (earliest.size) await this.kpiState.markDirty(earliest);
    report.report.devices = earliest.size;
    this.metrics.importRows.inc({ kind: 'history', outcome: 'accepted' }, report.report.accepted);
    this.metrics.importRows.inc({ kind: 'history', outcome: 'rejected' }, report.report.rejected);
    const result = report.finish();
    this.logger.log(
      { rows: result.rows, accepted: result.accepted, rejected: result.rejected, devices: result.devices },
      'history import finished',
    );
    return result;
  }
}
