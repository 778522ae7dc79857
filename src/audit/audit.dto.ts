import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, FormatQuery, Nullable, Page, PageQuery, RangeQuery } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        description: 'api-key:key-…, provisioning-key:pk-…, cli:…',
      }),
    ),
    ...RangeQuery,
    ...PageQuery,
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntrySchema = named(
  'AuditEntry',
  Type.Object(
    {
      id: Type.Integer(),
      at: EpochMs('When the write was made.'),
      actor: Type.String({ description: 'Who: api-key:key-…, provisioning-key:pk-…, cli:user' }),
      actorName: Nullable(Type.String({ description: "The key's name at the time." })),
      role: Nullable(Type.String()),
      action: Type.String({
        description: 'What: method and route (`DELETE /api/v1/registry/:collection/:id`).',
      }),
      target: Nullable(Type.String({ description: 'The path, or the record acted on.' })),
      status: Type.Integer({ description: 'How it ended: the HTTP status.' }),
      source: Nullable(Type.String({ description: 'The client address, mqtt:…, cli.' })),
    },
    { additionalProperties: false },
  ),
);

export const AuditPage = Page('AuditPage', AuditEntrySchema);

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actor',
  'actorName',
  'role',
  'action',
  'target',
  'status',
  'source',
] as const;
