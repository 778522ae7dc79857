import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { FormatQuery, Page, PageQuery } from '../common/http/api-schemas.js';
import { ImportWarningsSchema } from '../common/http/import-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import {
  ID_FIELD,
  REGISTRY_SCHEMAS,
  type RegistryEntity,
  type RegistryRecords,
} from './registry-entities.js';

/**
 * The registry API's shapes, derived from the entity schemas of
 * `registry-entities.ts` (the service validates records and fills defaults).
 */

interface JsonObjectSchema {
  type: 'object';
  required: readonly string[];
  properties: Record<string, object>;
  additionalProperties: false;
}

const base = (entity: RegistryEntity): JsonObjectSchema =>
  JSON.parse(JSON.stringify(REGISTRY_SCHEMAS[entity])) as JsonObjectSchema;

const NAMES: { [E in RegistryEntity]: string } = {
  customers: 'Customer',
  sites: 'Site',
  models: 'EquipmentModel',
  devices: 'RegisteredDevice',
};

const FILTERS: { [E in RegistryEntity]: ReadonlyArray<'customerId' | 'siteId' | 'modelId'> } = {
  customers: [],
  sites: ['customerId'],
  models: [],
  devices: ['customerId', 'siteId', 'modelId'],
};

export interface RegistryDto<E extends RegistryEntity> {
  /** A record as stored and answered. */
  record: TSchema & { static: RegistryRecords[E] };
  page: TSchema & { static: { data: RegistryRecords[E][]; nextCursor: string | null } };
  /** POST body: a whole record. */
  create: TSchema;
  /** PUT body: a whole record; its id comes from the path. */
  replace: TSchema;
  /** PATCH body: some fields; null removes an optional one. */
  patch: TSchema;
  listQuery: TObject & { static: RegistryListQuery };
  idParams: TObject & { static: { id: string } };
  csvColumns: readonly string[];
}

export interface RegistryListQuery {
  customerId?: string;
  siteId?: string;
  modelId?: string;
  limit?: number;
  cursor?: string;
  format?: 'json' | 'csv';
}

function dto<E extends RegistryEntity>(entity: E): RegistryDto<E> {
  const name = NAMES[entity];
  const schema = base(entity);
  const record: TSchema = named(name, Type.Unsafe(schema));
  const id = ID_FIELD[entity];
  const replace = named(
    `${name}Replacement`,
    Type.Unsafe({ ...base(entity), required: schema.required.filter((r) => r !== id) }),
  );
  const patchProperties: Record<string, object> = {};
  for (const [key, property] of Object.entries(base(entity).properties))
    patchProperties[key] = { anyOf: [property, { type: 'null' }] };
  const patch = named(
    `${name}Patch`,
    Type.Unsafe({ type: 'object', additionalProperties: false, properties: patchProperties }),
  );
  const filters: Record<string, TSchema> = {};
  for (const f of FILTERS[entity]) filters[f] = Type.Optional(Type.String({ minLength: 1, maxLength: 64 }));
  const listQuery: TObject = Type.Object(
    { ...filters, ...PageQuery, ...FormatQuery },
    { additionalProperties: false },
  );
  const idParams: TObject = Type.Object(
    { id: Type.String({ minLength: 1, maxLength: 64 }) },
    { additionalProperties: false },
  );
  const page: TSchema = Page(`${name}Page`, record);
  const out = {
    record,
    page,
    create: record,
    replace,
    patch,
    listQuery,
    idParams,
    csvColumns: Object.keys(schema.properties),
  };
  // the static types of the Unsafe schemas are those of registry-entities.ts
  return out as unknown as RegistryDto<E>;
}

export const REGISTRY_DTO: { [E in RegistryEntity]: RegistryDto<E> } = {
  customers: dto('customers'),
  sites: dto('sites'),
  models: dto('models'),
  devices: dto('devices'),
};

export const RegistryImportQuery = Type.Object(
  {
    mapping: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'CSV only, JSON: columns, defaults, values, age (docs/history-import.md).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RegistryImportQuery = Static<typeof RegistryImportQuery>;

export const RegistryImportReportSchema = named(
  'RegistryImportReport',
  Type.Object({
    rows: Type.Integer(),
    accepted: Type.Integer(),
    rejected: Type.Integer(),
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    errors: Type.Array(
      Type.Object({
        line: Type.Integer({ description: 'CSV: file line (the header is line 1); JSON: index + 1.' }),
        id: Type.Optional(Type.String()),
        reason: Type.String(),
      }),
      { description: 'The first refused rows, in file order.' },
    ),
    errorsTruncated: Type.Boolean(),
    warnings: ImportWarningsSchema,
  }),
);
export type RegistryImportReportDto = Static<typeof RegistryImportReportSchema>;

/**
 * A record as a CSV row that the CSV import reads back: lists (`departments`) and
 * model components (`name:expectedLife`) joined with `;`.
 */
export function registryCsvRow(entity: RegistryEntity, record: object): Record<string, unknown> {
  const row: Record<string, unknown> = { ...record };
  if (entity === 'sites' && Array.isArray(row.departments)) row.departments = row.departments.join(';');
  if (entity === 'models' && Array.isArray(row.components))
    row.components = (row.components as Array<{ name: string; expectedLife?: number }>)
      .map((c) => (c.expectedLife === undefined ? c.name : `${c.name}:${c.expectedLife}`))
      .join(';');
  return row;
}
