import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Ajv } from 'ajv';
import { isBadRow, readCsvRows } from '../common/csv-records.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { ImportReportBuilder, importRowsCounter, type ImportReport } from '../common/import-report.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainEventBus } from '../events/domain-event-bus.js';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import type { EventRecord, TelemetryPoint } from '../ports/records.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import type { EquipmentModel } from '../registry/registry-entities.js';
import { RegistryService } from '../registry/registry.service.js';
import {
  HistoryRowMapper,
  historyMappingSchema,
  mappingProblems,
  type HistoryMapping,
} from './history-mapping.js';

export interface HistoryImportReport extends ImportReport {
  events: number;
  points: number;
  devices: number;
  /** Earliest and latest time imported; null when nothing was. */
  from: number | null;
  to: number | null;
}

/** What to do with a component the device's model does not list. */
export const UNKNOWN_COMPONENT_POLICIES = ['refuse', 'warn'] as const;
export type UnknownComponentPolicy = (typeof UNKNOWN_COMPONENT_POLICIES)[number];

export interface HistoryImportOptions {
  /** Take rows of devices that are not registered (default: refuse them). */
  allowUnknownDevices?: boolean;
  /** A component the device's model does not list: refuse the row (default), or take it with a warning. */
  unknownComponents?: UnknownComponentPolicy;
}

/** Event types whose component must be one of the device's model. */
const COMPONENT_EVENTS = new Set(['fault.raised', 'fault.cleared', 'part.replaced']);

/** Rows per store write: each write is awaited, so a large upload is read no faster than it is stored. */
const BATCH_ROWS = 5_000;
const PROGRESS_LOG_ROWS = 250_000;

const validateMapping = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
}).compile<HistoryMapping>(historyMappingSchema);

interface MappedRow {
  line: number;
  deviceId: string;
  ts: number;
  points: TelemetryPoint[];
  events: EventRecord[];
}

/**
 * Imports past events and telemetry from a field-service export (CSV). The store
 * identifies points and events by device, time (and type, code, component), so a
 * second import of the same file overwrites with the same values: nothing changes.
 */
@Injectable()
export class HistoryImportService {
  private readonly logger = new Logger(HistoryImportService.name);
  private readonly importRows: ReturnType<typeof importRowsCounter>;

  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    private readonly registry: RegistryService,
    private readonly bus: DomainEventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    this.importRows = importRowsCounter(metrics);
  }

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
    const problems = mappingProblems(mapping);
    if (problems.length)
      throw new DomainError(ErrorCode.InvalidArgument, `mapping is invalid: ${problems.join('; ')}`);
    return mapping;
  }

  async importCsv(
    mapping: HistoryMapping,
    input: Readable,
    options: HistoryImportOptions = {},
  ): Promise<HistoryImportReport> {
    const allowUnknownDevices = options.allowUnknownDevices ?? false;
    const unknownComponents = options.unknownComponents ?? 'refuse';
    const report = new ImportReportBuilder<HistoryImportReport>({
      events: 0,
      points: 0,
      devices: 0,
      from: null,
      to: null,
    });
    const mapper = new HistoryRowMapper(mapping, Date.now() + this.config.ingest.maxFutureSkewMs);
    /** Registered devices and their model; null: not registered. */
    const known = new Map<string, EquipmentModel | null>();
    const span = new Map<string, { from: number; to: number }>();
    let rows: MappedRow[] = [];
    let headerChecked = false;

    const componentProblem = (r: MappedRow): string | null => {
      const model = known.get(r.deviceId);
      if (!model) return null;
      for (const e of r.events) {
        if (!e.component || !COMPONENT_EVENTS.has(e.type)) continue;
        if (model.components.some((c) => c.name === e.component)) continue;
        const listed = model.components.length
          ? `it has ${model.components.map((c) => c.name).join(', ')}`
          : 'it lists no components';
        return `component "${e.component}" is not one of model ${model.modelId} (${listed})`;
      }
      return null;
    };

    const flush = async (): Promise<void> => {
      const unseen = [...new Set(rows.map((r) => r.deviceId))].filter((d) => !known.has(d));
      if (unseen.length)
        for (const [d, model] of await this.registry.deviceModels(unseen)) known.set(d, model);
      const points: TelemetryPoint[] = [];
      const events: EventRecord[] = [];
      for (const r of rows) {
        if (known.get(r.deviceId) === null && !allowUnknownDevices) {
          report.reject({ line: r.line, id: r.deviceId, reason: `device ${r.deviceId} is not registered` });
          continue;
        }
        const problem = componentProblem(r);
        if (problem && unknownComponents === 'refuse') {
          report.reject({
            line: r.line,
            id: r.deviceId,
            reason: `${problem}: add it to the model, or import with unknownComponents=warn`,
          });
          continue;
        }
        if (problem) report.warn(r.line, `${problem}: taken, but component KPIs do not count it`);
        points.push(...r.points);
        events.push(...r.events);
        let from = r.ts;
        let to = r.ts;
        for (const e of r.events) {
          from = Math.min(from, e.ts);
          to = Math.max(to, e.ts);
        }
        const seen = span.get(r.deviceId);
        if (!seen) span.set(r.deviceId, { from, to });
        else {
          seen.from = Math.min(seen.from, from);
          seen.to = Math.max(seen.to, to);
        }
        report.report.from = Math.min(from, report.report.from ?? Infinity);
        report.report.to = Math.max(to, report.report.to ?? -Infinity);
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
          events: out.events,
        });
      if (rows.length >= BATCH_ROWS) await flush();
      if (report.report.rows > 0 && report.report.rows % PROGRESS_LOG_ROWS === 0)
        this.logger.log(
          { rows: report.report.rows, rejected: report.report.rejected },
          'history import in progress',
        );
    }
    await flush();
    // durable: whoever cares (the KPI ledger recomputes these devices from their earliest time) listens
    if (span.size)
      this.bus.publish('history.imported', {
        devices: span,
        events: report.report.events,
        points: report.report.points,
      });
    report.report.devices = span.size;
    this.importRows.inc({ kind: 'history', outcome: 'accepted' }, report.report.accepted);
    this.importRows.inc({ kind: 'history', outcome: 'rejected' }, report.report.rejected);
    const result = report.finish();
    this.logger.log(
      { rows: result.rows, accepted: result.accepted, rejected: result.rejected, devices: result.devices },
      'history import finished',
    );
    return result;
  }
}
