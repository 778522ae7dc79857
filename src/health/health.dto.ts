import { Type } from '@sinclair/typebox';
import { StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';

const Indicators = Type.Record(
  Type.String(),
  Type.Object({ status: StringEnum(['up', 'down'] as const) }, { additionalProperties: true }),
  { description: 'By check (broker, store): up or down, with a message or detail.' },
);

export const HealthSchema = named(
  'Health',
  Type.Object(
    {
      status: StringEnum(['ok', 'error', 'shutting_down'] as const),
      info: Type.Optional(Indicators),
      error: Type.Optional(Indicators),
      details: Indicators,
    },
    { additionalProperties: false },
  ),
);

export const NotReadySchema = named(
  'NotReady',
  Type.Object({
    error: Type.Literal('unavailable'),
    message: Type.String({ description: 'Which checks are down, and why.' }),
    status: StringEnum(['error', 'shutting_down'] as const),
    details: Indicators,
  }),
);
