import { Type, type Static } from '@sinclair/typebox';
import { FormatQuery, Page, PageQuery, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { DEAD_LETTER_REASONS } from '../ports/records.js';

export const DeadLetterQuery = Type.Object(
  {
    reason: Type.Optional(StringEnum(DEAD_LETTER_REASONS)),
    deviceId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        description: 'The device the rejected message was for (even an invalid id from a malformed topic).',
      }),
    ),
    ...PageQuery,
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type DeadLetterQuery = Static<typeof DeadLetterQuery>;

export const DeadLetterSchema = named(
  'DeadLetter',
  Type.Object(
    {
      id: Type.Integer(),
      receivedAt: Type.Integer({ description: 'Receive time, epoch ms.' }),
      reason: StringEnum(DEAD_LETTER_REASONS),
      detail: Type.String({ description: 'Which field, which limit.' }),
      topic: Type.String(),
      deviceId: Type.Optional(Type.String()),
      payload: Type.String({ description: 'The payload, truncated, as UTF-8.' }),
      payloadBytes: Type.Integer(),
    },
    { additionalProperties: false },
  ),
);

export const DeadLetterPage = Page('DeadLetterPage', DeadLetterSchema);

export const DEAD_LETTER_CSV_COLUMNS = [
  'id',
  'receivedAt',
  'reason',
  'detail',
  'topic',
  'deviceId',
  'payloadBytes',
  'payload',
] as const;
