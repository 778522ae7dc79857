import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../common/http/api-schemas.js';
import { ImportWarningsSchema } from '../common/http/import-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { UNKNOWN_COMPONENT_POLICIES } from './history-import.service.js';

/** Shapes only: the mapping's meaning and the import's rules are the service's (docs/history-import.md). */
export const HistoryImportQuery = Type.Object(
  {
    mapping: Type.String({
      minLength: 1,
      description: 'JSON: which column is the device, the time, … (docs/history-import.md).',
    }),
    allowUnknownDevices: Type.Optional(
      StringEnum(['true', 'false'] as const, { description: 'Import rows of devices not in the registry.' }),
    ),
    unknownComponents: Type.Optional(
      StringEnum(UNKNOWN_COMPONENT_POLICIES, {
        description: "A component the device's model does not list: refuse the row (default), or warn.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type HistoryImportQuery = Static<typeof HistoryImportQuery>;

export const HistoryImportReportSchema = named(
  'HistoryImportReport',
  Type.Object({
    rows: Type.Integer(),
    accepted: Type.Integer(),
    rejected: Type.Integer(),
    events: Type.Integer(),
    points: Type.Integer(),
    devices: Type.Integer(),
    from: Nullable(Type.Integer({ description: 'Earliest time imported, epoch ms.' })),
    to: Nullable(Type.Integer({ description: 'Latest time imported, epoch ms.' })),
    errors: Type.Array(
      Type.Object({
        line: Type.Integer({ description: 'File line (the header is line 1).' }),
        id: Type.Optional(Type.String()),
        reason: Type.String(),
      }),
    ),
    errorsTruncated: Type.Boolean(),
    warnings: ImportWarningsSchema,
  }),
);
