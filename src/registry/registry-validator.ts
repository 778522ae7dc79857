import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { readCalendarTime } from '../common/calendar-time.js';
import {
  DATE_FIELDS,
  REGISTRY_ENTITIES,
  REGISTRY_SCHEMAS,
  defaultUsageMetric,
  registryDateMs,
  type RegistrationSource,
  type RegistryEntity,
  type RegistryRecords,
} from './registry-entities.js';

export type Checked<T> = { ok: true; record: T } | { ok: false; reason: string };

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'record';
      if (e.keyword === 'additionalProperties')
        return `${at}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      if (e.keyword === 'required')
        return `${at}: missing "${(e.params as { missingProperty: string }).missingProperty}"`;
      if (e.keyword === 'enum')
        return `${at}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      return `${at}: ${e.message ?? 'is invalid'}`;
    })
    .join('; ');
}

/**
 * Validates registry records (JSON from the API, or CSV rows) and fills defaults.
 * Pure: references to other records are checked by the service.
 */
export class RegistryValidator {
  private readonly strict: { [E in RegistryEntity]: ValidateFunction };
  /** CSV cells are strings: this one turns "45.7" into a number where the schema wants one. */
  private readonly coercing: { [E in RegistryEntity]: ValidateFunction };

  constructor() {
    const strict = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    const coercing = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, coerceTypes: true });
    const compile = (ajv: Ajv): { [E in RegistryEntity]: ValidateFunction } =>
      Object.fromEntries(REGISTRY_ENTITIES.map((e) => [e, ajv.compile(REGISTRY_SCHEMAS[e])])) as {
        [E in RegistryEntity]: ValidateFunction;
      };
    this.strict = compile(strict);
    this.coercing = compile(coercing);
  }

  check<E extends RegistryEntity>(
    entity: E,
    raw: unknown,
    source: RegistrationSource,
    fromCsv = false,
  ): Checked<RegistryRecords[E]> {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return { ok: false, reason: 'record must be a JSON object' };
    const record: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    if (entity === 'devices' && record.registeredBy === undefined) record.registeredBy = source;
    if (entity === 'models' && record.components === undefined) record.components = [];
    const validate = (fromCsv ? this.coercing : this.strict)[entity];
    if (!validate(record)) return { ok: false, reason: describe(validate.errors) };
    if (entity === 'models' && record.usageMetric === undefined)
      record.usageMetric = defaultUsageMetric(record.usageUnit as 'pages' | 'hours');
    for (const field of DATE_FIELDS[entity]) {
      const value = record[field];
      const date = typeof value === 'string' ? readCalendarTime(value) : null;
      if (date && !date.ok)
        return { ok: false, reason: `${field}: "${value as string}" is not a real date (${date.reason})` };
    }
    if (
      entity === 'devices' &&
      typeof record.removedDate === 'string' &&
      registryDateMs(record.removedDate) < registryDateMs(record.installDate as string)
    )
      return { ok: false, reason: 'removedDate: must not be before installDate' };
    return { ok: true, record: record as unknown as RegistryRecords[E] };
  }

  /**
   * A CSV row as a record: empty cells are absent; `departments` is a `;` list;
   * model `components` is a `;` list of `name` or `name:expectedLife`.
   */
  fromCsvRow(entity: RegistryEntity, fields: Record<string, string>): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value === '') continue;
      if (key === 'departments' && entity === 'sites') record[key] = splitList(value);
      else if (key === 'components' && entity === 'models')
        record[key] = splitList(value).map((item) => {
          const [name, life] = item.split(':').map((s) => s.trim());
          return life === undefined ? { name } : { name, expectedLife: life };
        });
      else record[key] = value;
    }
    return record;
  }
}

const splitList = (value: string): string[] =>
  value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
