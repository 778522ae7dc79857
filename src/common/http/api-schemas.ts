import { Type, type TSchema } from '@sinclair/typebox';
import { ErrorCode } from '../domain-error.js';
import { named } from './openapi-schemas.js';

/** Building blocks of request and response schemas shared by every feature. */

/** A string enum as `{ type: string, enum }` (clearer errors and docs than a union of literals). */
export const StringEnum = <const T extends readonly string[]>(
  values: T,
  options: { description?: string; default?: T[number] } = {},
) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ApiErrorSchema = named(
  'ApiError',
  Type.Object(
    {
      error: StringEnum([...Object.values(ErrorCode), 'internal'], {
        description: 'Stable code: branch on it, not on the message',
      }),
      message: Type.String({ description: 'What is wrong and, where it helps, what to do' }),
    },
    { description: 'Every error answer; some add details (e.g. `windows`, `max`, `report`).' },
  ),
);

/** A time in a query: epoch milliseconds or ISO 8601 (range and meaning checked by the service). */
export const TimeParam = (description: string) =>
  Type.String({ minLength: 1, maxLength: 40, description: `${description} Epoch milliseconds or ISO 8601.` });

export const RangeQuery = {
  from: Type.Optional(TimeParam('Start, inclusive. Default: 24 h before `to`.')),
  to: Type.Optional(TimeParam('End, exclusive. Default: now.')),
};

export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, description: 'Most rows in this page (at most API_MAX_POINTS).' }),
  ),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 512, description: '`nextCursor` of the previous page.' }),
  ),
};

export const RESPONSE_FORMATS = ['json', 'csv'] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

export const FormatQuery = {
  format: Type.Optional(
    StringEnum(RESPONSE_FORMATS, {
      description: 'csv answers CSV (so does `Accept: text/csv`), the cursor in `X-Next-Cursor`.',
    }),
  ),
};

/** `{ data, nextCursor }`: pass `nextCursor` back as `cursor` for the next page. */
export const Page = <T extends TSchema>(name: string, item: T) =>
  named(
    name,
    Type.Object(
      {
        data: Type.Array(item),
        nextCursor: Nullable(
          Type.String({ description: 'Pass as `cursor` for the next page; null on the last.' }),
        ),
      },
      { additionalProperties: false },
    ),
  );

/** Epoch milliseconds. */
export const EpochMs = (description?: string) =>
  Type.Integer({ description: description ?? 'Epoch milliseconds.' });
