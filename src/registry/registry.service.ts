import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Ajv } from 'ajv';
import { isBadRow, readCsvRows } from '../common/csv-records.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { decodeCursor, encodeCursor, parseLimit } from '../common/http/query-params.js';
import { ImportReportBuilder, type ImportReport } from '../common/import-report.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RegistryMetrics } from './registry.metrics.js';
import type { StatusUpdate } from '../ports/records.js';
import {
  REGISTRY_FILTERS,
  REGISTRY_REPOSITORY,
  type DeviceScope,
  type RegistryFilter,
  type RegistryRepository,
} from './registry.repository.js';
import {
  ID_FIELD,
  REFERENCES,
  type Device,
  type EquipmentModel,
  type RegistrationSource,
  type RegistryEntity,
  type RegistryRecords,
} from './registry-entities.js';
import { RegistryRowMapper, registryMappingSchema, type RegistryMapping } from './registry-mapping.js';
import { RegistryValidator } from './registry-validator.js';

const validateMapping = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
}).compile<RegistryMapping>(registryMappingSchema);

export interface RegistryListParams extends Partial<Record<RegistryFilter, string>> {
  limit?: string;
  cursor?: string;
}

export interface RegistryImportReport extends ImportReport {
  created: number;
  updated: number;
  unchanged: number;
}

/** Rows validated and written together: one transaction and one reference lookup each. */
const IMPORT_BATCH = 500;

const invalid = (message: string): DomainError => new DomainError(ErrorCode.InvalidArgument, message);

@Injectable()
export class RegistryService {
  private readonly logger = new Logger(RegistryService.name);
  private readonly validator = new RegistryValidator();

  constructor(
    @Inject(REGISTRY_REPOSITORY) private readonly repo: RegistryRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: RegistryMetrics,
  ) {}

  async list<E extends RegistryEntity>(entity: E, q: RegistryListParams): Promise<Page<RegistryRecords[E]>> {
    const limit = parseLimit(q.limit, 100, this.config.apiMaxPoints);
    const after = decodeCursor(q.cursor, (v): v is string => typeof v === 'string');
    const filters: Partial<Record<RegistryFilter, string>> = {};
    for (const f of REGISTRY_FILTERS) if (q[f]) filters[f] = q[f];
    const data = await this.repo.list(entity, { limit, after, filters });
    const last = data[data.length - 1] as unknown as Record<string, unknown> | undefined;
    return {
      data,
      nextCursor: data.length === limit && last ? encodeCursor(last[ID_FIELD[entity]]) : null,
    };
  }

  async get<E extends RegistryEntity>(entity: E, id: string): Promise<RegistryRecords[E]> {
    const record = await this.repo.get(entity, id);
    if (!record) throw new DomainError(ErrorCode.NotFound, `${singular(entity)} ${id} is not registered`);
    return record;
  }

  async create<E extends RegistryEntity>(entity: E, body: unknown): Promise<RegistryRecords[E]> {
    const record = await this.validOrThrow(entity, body, 'api');
    if (!(await this.repo.create(entity, record)))
      throw new DomainError(ErrorCode.Conflict, `${singular(entity)} ${idOf(entity, record)} exists already`);
    return record;
  }

  /** PUT: creates or replaces the whole record. */
  async replace<E extends RegistryEntity>(entity: E, id: string, body: unknown): Promise<RegistryRecords[E]> {
    const withId = { ...(body as object), [ID_FIELD[entity]]: id };
    const claimed = (body as Record<string, unknown> | null)?.[ID_FIELD[entity]];
    if (claimed !== undefined && claimed !== id)
      throw invalid(
        `${ID_FIELD[entity]} in the body (${JSON.stringify(claimed)}) differs from the path (${id})`,
      );
    const record = await this.validOrThrow(entity, withId, 'api');
    await this.repo.upsert(entity, [record]);
    return record;
  }

  /** PATCH: changes the given fields; `null` removes an optional one. */
  async update<E extends RegistryEntity>(entity: E, id: string, body: unknown): Promise<RegistryRecords[E]> {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw invalid('body must be a JSON object');
    const current = await this.get(entity, id);
    const merged: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(body)) {
      if (key === ID_FIELD[entity] && value !== id) throw invalid(`${key} cannot be changed`);
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    const record = await this.validOrThrow(entity, merged, 'api');
    await this.repo.upsert(entity, [record]);
    return record;
  }

  /** A record, or null when it is not registered (for features that check, rather than fail). */
  find<E extends RegistryEntity>(entity: E, id: string): Promise<RegistryRecords[E] | null> {
    return this.repo.get(entity, id);
  }

  /** Which of these ids are registered. */
  existing(entity: RegistryEntity, ids: readonly string[]): Promise<Set<string>> {
    return this.repo.existing(entity, ids);
  }

  /** Every registered device with what KPIs group it by (model, site, customer, dates). */
  deviceScopes(): Promise<DeviceScope[]> {
    return this.repo.deviceScopes();
  }

  /** Every registered model by id. */
  async allModels(): Promise<Map<string, EquipmentModel>> {
    const models = new Map<string, EquipmentModel>();
    let after: string | undefined;
    for (;;) {
      const page = await this.repo.list('models', { limit: 1000, after });
      for (const m of page) models.set(m.modelId, m);
      if (page.length < 1000) return models;
      after = page[page.length - 1].modelId;
    }
  }

  /**
   * The model of each registered device (null for an id that is not registered),
   * for features that check what a device has: the history import's components.
   */
  async deviceModels(deviceIds: readonly string[]): Promise<Map<string, EquipmentModel | null>> {
    const models = new Map<string, EquipmentModel | null>();
    const out = new Map<string, EquipmentModel | null>();
    for (const id of new Set(deviceIds)) {
      const device = await this.repo.get('devices', id);
      if (!device) {
        out.set(id, null);
        continue;
      }
      if (!models.has(device.modelId))
        models.set(device.modelId, await this.repo.get('models', device.modelId));
      out.set(id, models.get(device.modelId) ?? null);
    }
    return out;
  }

  async remove(entity: RegistryEntity, id: string): Promise<void> {
    await this.get(entity, id);
    const refs = await this.repo.referencedBy(entity, id);
    if (refs > 0)
      throw new DomainError(
        ErrorCode.Conflict,
        `${singular(entity)} ${id} is referenced by ${refs} other record(s); move or delete those first`,
      );
    await this.repo.delete(entity, id);
  }

  /** Bulk import from a JSON array: upserts, so importing the same file twice changes nothing. */
  importJson(entity: RegistryEntity, body: unknown): Promise<RegistryImportReport> {
    if (!Array.isArray(body)) throw invalid('body must be a JSON array of records');
    return this.importRows(
      entity,
      body.map((raw: unknown, i) => ({ line: i + 1, raw })),
      false,
    );
  }

  /** A registry mapping from the query string (JSON), checked; undefined when none was given. */
  parseMapping(raw: string | undefined): RegistryMapping | undefined {
    if (raw === undefined || raw === '') return undefined;
    let mapping: unknown;
    try {
      mapping = JSON.parse(raw);
    } catch {
      throw invalid('mapping is not valid JSON');
    }
    if (!validateMapping(mapping))
      throw invalid(
        `mapping is invalid: ${(validateMapping.errors ?? [])
          .map(
            (e) => `${e.instancePath.slice(1).replace(/\//g, '.') || 'mapping'}: ${e.message ?? 'invalid'}`,
          )
          .join('; ')}`,
      );
    return mapping;
  }

  /**
   * Bulk import from CSV, streamed in constant memory: a header of field names, or
   * any header with a mapping (columns, defaults, values, age: docs/history-import.md).
   */
  importCsv(
    entity: RegistryEntity,
    input: Readable,
    mapping?: RegistryMapping,
  ): Promise<RegistryImportReport> {
    const validator = this.validator;
    const mapper = mapping ? new RegistryRowMapper(entity, mapping) : null;
    return this.importRows(
      entity,
      (async function* () {
        let checked = false;
        for await (const row of readCsvRows(input)) {
          if (isBadRow(row)) {
            yield { line: row.line, raw: undefined, error: row.reason };
            continue;
          }
          if (!mapper) {
            yield { line: row.line, raw: validator.fromCsvRow(entity, row.fields) };
            continue;
          }
          const header = Object.keys(row.fields);
          if (!checked) {
            checked = true;
            const problems = mapper.problems(header);
            if (problems.length) throw invalid(`the mapping does not fit the file: ${problems.join('; ')}`);
          }
          const fields = mapper.map(row.fields);
          const columns = new Set(header);
          // the validator speaks of fields: say which column each came from
          const inWords = (reason: string): string =>
            reason
              .split('; ')
              .map((part) => {
                const m = /^([A-Za-z]+)([.:][\s\S]*)$/.exec(part);
                const column = m ? mapper.columnOf(m[1], columns) : undefined;
                return m && column && column !== m[1] ? `column "${column}" (${m[1]})${m[2]}` : part;
              })
              .join('; ');
          if (typeof fields === 'string') yield { line: row.line, raw: undefined, error: fields };
          else yield { line: row.line, raw: validator.fromCsvRow(entity, fields), explain: inWords };
        }
      })(),
      true,
    );
  }

  /**
   * A birth from a device that is not registered: registers it when configured to
   * and its model is known (installed at the birth, time-and-materials until a
   * contract is recorded); otherwise it stays listed as unknown.
   */
  async registerFromBirth(status: StatusUpdate): Promise<void> {
    if (status.state !== 'online' || (await this.repo.get('devices', status.deviceId))) return;
    if (!this.config.registry.registerFromBirth) {
      this.metrics.births.inc({ outcome: 'unknown_registration_off' });
      return;
    }
    if (!status.model || !(await this.repo.get('models', status.model))) {
      this.metrics.births.inc({ outcome: 'unknown_model' });
      this.logger.warn(
        { deviceId: status.deviceId, model: status.model },
        'device not registered from its birth: its model is not in the registry',
      );
      return;
    }
    const device: Device = {
      deviceId: status.deviceId,
      serial: status.serial ?? status.deviceId,
      modelId: status.model,
      installDate: new Date(status.ts).toISOString(),
      contractType: 'time-and-materials',
      registeredBy: 'birth',
    };
    if (await this.repo.create('devices', device)) {
      this.metrics.births.inc({ outcome: 'registered' });
      this.logger.log(
        { deviceId: device.deviceId, model: device.modelId },
        'device registered from its birth',
      );
    }
  }

  private async importRows(
    entity: RegistryEntity,
    rows: AsyncIterable<ImportRow> | Iterable<ImportRow>,
    fromCsv: boolean,
  ): Promise<RegistryImportReport> {
    const report = new ImportReportBuilder<RegistryImportReport>({ created: 0, updated: 0, unchanged: 0 });
    let batch: Array<{ line: number; record: RegistryRecords[RegistryEntity] }> = [];
    const flush = async (): Promise<void> => {
      const good = await this.withValidReferences(entity, batch, (line, id, reason) =>
        report.reject({ line, id, reason }),
      );
      const outcomes = await this.repo.upsert(
        entity,
        good.map((g) => g.record),
      );
      for (const o of outcomes) report.report[o]++;
      report.accept(good.length);
      batch = [];
    };
    for await (const row of rows as AsyncIterable<ImportRow>) {
      if (row.error !== undefined) {
        report.reject({ line: row.line, reason: row.error });
        continue;
      }
      const checked = this.validator.check(entity, row.raw, 'import', fromCsv);
      if (!checked.ok) {
        const id = (row.raw as Record<string, unknown> | undefined)?.[ID_FIELD[entity]];
        report.reject({
          line: row.line,
          id: typeof id === 'string' ? id : undefined,
          reason: row.explain ? row.explain(checked.reason) : checked.reason,
        });
        continue;
      }
      batch.push({ line: row.line, record: checked.record });
      if (batch.length >= IMPORT_BATCH) await flush();
    }
    await flush();
    this.metrics.importRows.inc({ kind: entity, outcome: 'accepted' }, report.report.accepted);
    this.metrics.importRows.inc({ kind: entity, outcome: 'rejected' }, report.report.rejected);
    return report.finish();
  }

  private async withValidReferences<T extends { line: number; record: RegistryRecords[RegistryEntity] }>(
    entity: RegistryEntity,
    rows: T[],
    reject: (line: number, id: string, reason: string) => void,
  ): Promise<T[]> {
    const missing = new Map<string, Set<string>>();
    for (const [field, target] of REFERENCES[entity] as Array<[string, RegistryEntity]>) {
      const ids = rows
        .map((r) => (r.record as unknown as Record<string, unknown>)[field])
        .filter((v): v is string => typeof v === 'string');
      const found = await this.repo.existing(target, ids);
      missing.set(field, new Set(ids.filter((id) => !found.has(id))));
    }
    return rows.filter((r) => {
      const rec = r.record as unknown as Record<string, unknown>;
      for (const [field, target] of REFERENCES[entity] as Array<[string, RegistryEntity]>) {
        const value = rec[field];
        if (typeof value === 'string' && missing.get(field)!.has(value)) {
          reject(r.line, idOf(entity, r.record), `${field}: ${singular(target)} ${value} is not registered`);
          return false;
        }
      }
      return true;
    });
  }

  private async validOrThrow<E extends RegistryEntity>(
    entity: E,
    body: unknown,
    source: RegistrationSource,
  ): Promise<RegistryRecords[E]> {
    const checked = this.validator.check(entity, body, source);
    if (!checked.ok) throw invalid(checked.reason);
    const problems: string[] = [];
    await this.withValidReferences(entity, [{ line: 0, record: checked.record }], (_l, _i, reason) =>
      problems.push(reason),
    );
    if (problems.length) throw invalid(problems.join('; '));
    return checked.record;
  }
}

interface ImportRow {
  line: number;
  raw: unknown;
  error?: string;
  /** Puts a validation reason in the file's words (its column names). */
  explain?: (reason: string) => string;
}

const singular = (entity: RegistryEntity): string => entity.slice(0, -1);
const idOf = (entity: RegistryEntity, record: object): string =>
  String((record as Record<string, unknown>)[ID_FIELD[entity]]);
