import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, Nullable, StringEnum, TimeParam } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { ROLES } from './roles.js';

export const ApiKeySchema = named(
  'ApiKey',
  Type.Object(
    {
      id: Type.String({ description: '`key-` and 8 hex digits: how the audit log names the key.' }),
      name: Type.String(),
      role: StringEnum(ROLES),
      prefix: Type.String({ description: 'The first characters of the key, to tell keys apart.' }),
      createdAt: EpochMs(),
      createdBy: Type.String(),
      expiresAt: Nullable(EpochMs()),
      revokedAt: Nullable(EpochMs()),
      lastUsedAt: Nullable(EpochMs('Last use, to the minute.')),
    },
    { additionalProperties: false },
  ),
);

export const ApiKeyList = Type.Array(ApiKeySchema);

export const IssuedApiKey = named(
  'IssuedApiKey',
  Type.Object(
    { ...ApiKeySchema.properties, key: Type.String({ description: 'The key: shown in this answer only.' }) },
    { additionalProperties: false },
  ),
);
export type IssuedApiKey = Static<typeof IssuedApiKey>;

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: StringEnum(ROLES),
    expiresAt: Type.Optional(
      Nullable(
        Type.Union([EpochMs(), TimeParam('When the key stops working.')], { description: 'Absent: never.' }),
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

export const ApiKeyIdParams = Type.Object(
  { id: Type.String({ pattern: '^key-[0-9a-f]{8}$' }) },
  { additionalProperties: false },
);
