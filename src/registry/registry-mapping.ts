import { daysInMonth } from '../common/calendar-time.js';
import { TIME_FORMATS, missingColumns, readTimeCell, type TimeFormat } from '../common/column-mapping.js';
import { DATE_FIELDS, REGISTRY_SCHEMAS, type RegistryEntity } from './registry-entities.js';

export const AGE_UNITS = ['years', 'months', 'days'] as const;
export type AgeUnit = (typeof AGE_UNITS)[number];

/**
 * How the columns of a registry CSV map onto records: the history import's mapping
 * for records (docs/history-import.md). Without one, the header names the fields.
 */
export interface RegistryMapping {
  /** Record field → the file's column. A field not named here is read from a column of its own name. */
  columns?: Record<string, string>;
  /** Field → value when its cell is empty or it has no column (CSV text: `comp1;comp2` for components). */
  defaults?: Record<string, string | number>;
  /** Field → { cell → value }: the file's words for ours (`"FS": "full-service"`). */
  values?: Record<string, Record<string, string>>;
  /** Devices: the install date from an age column, `asOf` minus the age. */
  age?: { column: string; unit?: AgeUnit; asOf: string };
  /** How numeric date cells are read (see the history mapping). */
  timeFormat?: TimeFormat;
}

const COLUMN = { type: 'string', minLength: 1, maxLength: 200 };

export const registryMappingSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    columns: { type: 'object', maxProperties: 100, additionalProperties: COLUMN },
    defaults: {
      type: 'object',
      maxProperties: 100,
      additionalProperties: { type: ['string', 'number'], maxLength: 2000 },
    },
    values: {
      type: 'object',
      maxProperties: 100,
      additionalProperties: { type: 'object', additionalProperties: { type: 'string', maxLength: 200 } },
    },
    age: {
      type: 'object',
      additionalProperties: false,
      required: ['column', 'asOf'],
      properties: {
        column: COLUMN,
        unit: { enum: AGE_UNITS },
        asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      },
    },
    timeFormat: { enum: TIME_FORMATS },
  },
} as const;

/** Fields of an entity, in schema order. */
const fieldsOf = (entity: RegistryEntity): string[] => Object.keys(REGISTRY_SCHEMAS[entity].properties);

/** `asOf` (YYYY-MM-DD) minus an age: whole years and months on the calendar, the rest in days. */
export function dateBefore(asOf: string, age: number, unit: AgeUnit): string {
  const [y, m, d] = asOf.split('-').map(Number);
  const months = unit === 'years' ? age * 12 : unit === 'months' ? age : 0;
  const whole = Math.floor(months);
  const days = unit === 'days' ? age : (months - whole) * (365.2425 / 12);
  const total = y * 12 + (m - 1) - whole;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, Math.min(d, daysInMonth(year, month)));
  const ms = date.getTime() - Math.round(days * 86_400_000);
  return new Date(ms).toISOString().slice(0, ms % 86_400_000 === 0 ? 10 : 24);
}

/**
 * Turns a CSV row into the fields of a record (still CSV text, validated after) under
 * a mapping. Pure. Errors name the column and cell.
 */
export class RegistryRowMapper {
  private readonly fields: string[];

  constructor(
    private readonly entity: RegistryEntity,
    private readonly mapping: RegistryMapping,
  ) {
    this.fields = fieldsOf(entity).filter((f) => f !== 'registeredBy');
  }

  /** Problems with the mapping itself, or against the file's header; empty when it fits. */
  problems(header: readonly string[]): string[] {
    const known = new Set(this.fields);
    const m = this.mapping;
    const named = [
      ...Object.keys(m.columns ?? {}),
      ...Object.keys(m.defaults ?? {}),
      ...Object.keys(m.values ?? {}),
    ];
    const problems = [...new Set(named)]
      .filter((f) => !known.has(f))
      .map((f) => `"${f}" is not a field of ${this.entity} (${this.fields.join(', ')})`);
    if (m.age && this.entity !== 'devices') problems.push('age is for devices only');
    return [
      ...problems,
      ...missingColumns([...Object.values(m.columns ?? {}), ...(m.age ? [m.age.column] : [])], header),
    ];
  }

  /** The column a field is read from, if any. */
  columnOf(field: string, header: ReadonlySet<string>): string | undefined {
    return this.mapping.columns?.[field] ?? (header.has(field) ? field : undefined);
  }

  /** The row as CSV fields of the record; or why not. */
  map(row: Record<string, string>): Record<string, string> | string {
    const header = new Set(Object.keys(row));
    const out: Record<string, string> = {};
    const dates = new Set(DATE_FIELDS[this.entity]);
    for (const field of this.fields) {
      const column = this.columnOf(field, header);
      let cell = column ? (row[column] ?? '') : '';
      if (cell !== '') cell = this.mapping.values?.[field]?.[cell] ?? cell;
      if (cell === '' && this.mapping.defaults?.[field] !== undefined)
        cell = String(this.mapping.defaults[field]);
      if (cell === '') continue;
      if (dates.has(field) && column && row[column] === cell) {
        const ms = readTimeCell(cell, column, this.mapping.timeFormat);
        if (typeof ms === 'string') return ms;
        cell = new Date(ms).toISOString();
      }
      out[field] = cell;
    }
    const age = this.mapping.age;
    if (age && out.installDate === undefined) {
      const cell = row[age.column] ?? '';
      const n = Number(cell);
      if (cell === '' || !Number.isFinite(n) || n < 0)
        return `"${cell}" in column "${age.column}" is not an age (a number of ${age.unit ?? 'years'}, 0 or more)`;
      out.installDate = dateBefore(age.asOf, n, age.unit ?? 'years');
    }
    return out;
  }
}
