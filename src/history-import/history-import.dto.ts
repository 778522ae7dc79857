import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';

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
  }),
);
