import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, FormatQuery, Nullable, Page, PageQuery, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { Id } from '../technicians/technician.dto.js';
import { FEEDBACK_STATUSES } from './feedback.js';
import { LOYALTY_BANDS, LOYALTY_FACTORS } from './loyalty-risk.js';
import { TREND_DIRECTIONS } from './ratings.js';

/** Request and response schemas of the feedback API (docs/field-force.md). */

export const TokenParams = Type.Object(
  {
    token: Type.String({
      pattern: '^[A-Za-z0-9_-]{16,128}$',
      description: 'The single-use token of the link.',
    }),
  },
  { additionalProperties: false },
);
export type TokenParams = Static<typeof TokenParams>;

export const RequestIdParams = Type.Object(
  { id: Type.String({ pattern: '^FB-\\d+$', maxLength: 32, description: 'FB-000042' }) },
  { additionalProperties: false },
);
export type RequestIdParams = Static<typeof RequestIdParams>;

export const CustomerParams = Type.Object({ id: Id('customer id') }, { additionalProperties: false });
export type CustomerParams = Static<typeof CustomerParams>;

export const AnswerBody = named(
  'FeedbackAnswer',
  Type.Object(
    {
      rating: Type.Integer({ minimum: 1, maximum: 5, description: '1 (very unhappy) to 5 (very happy).' }),
      comment: Type.Optional(Type.String({ maxLength: 2000 })),
    },
    { additionalProperties: false },
  ),
);
export type AnswerBody = Static<typeof AnswerBody>;

export const FeedbackListQuery = Type.Object(
  {
    orderId: Type.Optional(Type.String({ pattern: '^WO-\\d+$', maxLength: 32 })),
    customerId: Type.Optional(Id()),
    technicianId: Type.Optional(Id()),
    status: Type.Optional(StringEnum(FEEDBACK_STATUSES)),
    ...PageQuery,
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type FeedbackListQuery = Static<typeof FeedbackListQuery>;

export const SatisfactionQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: 'Default: a year before `to`.' }),
    ),
    to: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Default: now.' })),
  },
  { additionalProperties: false },
);
export type SatisfactionQuery = Static<typeof SatisfactionQuery>;

export const LoyaltyQuery = Type.Object(
  { at: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'As of (default: now).' })) },
  { additionalProperties: false },
);
export type LoyaltyQuery = Static<typeof LoyaltyQuery>;

const requestFields = {
  requestId: Type.String(),
  orderId: Type.String(),
  deviceId: Type.String(),
  customerId: Nullable(Type.String()),
  siteId: Nullable(Type.String()),
  technicianId: Nullable(Type.String()),
  visitAt: EpochMs('When the visit was completed.'),
  createdAt: EpochMs(),
  expiresAt: EpochMs('The link works until then.'),
  rating: Nullable(Type.Integer()),
  comment: Nullable(Type.String()),
  answeredAt: Nullable(EpochMs()),
  tokenVersion: Type.Integer({ description: 'Bumped each time the link is issued again.' }),
};

export const FeedbackRequestSchema = named(
  'FeedbackRequest',
  Type.Object({ ...requestFields, status: StringEnum(FEEDBACK_STATUSES) }, { additionalProperties: false }),
);
export const FeedbackRequestPage = Page('FeedbackRequestPage', FeedbackRequestSchema);
export const FEEDBACK_CSV_COLUMNS = [
  'requestId',
  'orderId',
  'deviceId',
  'customerId',
  'technicianId',
  'visitAt',
  'status',
  'rating',
  'comment',
  'answeredAt',
] as const;

export const IssuedLinkSchema = named(
  'FeedbackLinkIssued',
  Type.Object(
    {
      request: Type.Object(requestFields, { additionalProperties: false }),
      link: Type.String({ description: 'Send this to the customer: it is shown only here.' }),
    },
    { additionalProperties: false },
  ),
);

export const LinkViewSchema = named(
  'FeedbackLink',
  Type.Object(
    {
      requestId: Type.String(),
      status: StringEnum(FEEDBACK_STATUSES),
      visitAt: EpochMs(),
      expiresAt: EpochMs(),
      deviceId: Type.String(),
      technicianName: Nullable(Type.String()),
      rating: Nullable(Type.Integer()),
    },
    { additionalProperties: false },
  ),
);

export const TechnicianRatingSchema = named(
  'TechnicianRating',
  Type.Object(
    {
      technicianId: Type.String(),
      rating: Type.Number({
        description: 'Bayesian average: (prior weight × prior mean + sum) / (prior weight + count).',
      }),
      count: Type.Integer(),
      mean: Nullable(Type.Number({ description: 'Plain mean; null without ratings.' })),
      prior: Type.Object({ mean: Type.Number(), weight: Type.Number() }, { additionalProperties: false }),
    },
    { additionalProperties: false },
  ),
);

export const SatisfactionSchema = named(
  'SatisfactionTrend',
  Type.Object(
    {
      customerId: Type.String(),
      from: EpochMs(),
      to: EpochMs(),
      periods: Type.Array(
        Type.Object(
          {
            label: Type.String({ description: '2026-03' }),
            start: EpochMs(),
            end: EpochMs(),
            count: Type.Integer(),
            mean: Nullable(Type.Number()),
            satisfied: Nullable(Type.Number({ description: 'Share of 4 and 5 ratings (CSAT).' })),
          },
          { additionalProperties: false },
        ),
      ),
      count: Type.Integer(),
      rating: Type.Number({ description: 'Bayesian average over the range.' }),
      slopePerMonth: Nullable(Type.Number({ description: 'Least-squares slope of the monthly means.' })),
      direction: StringEnum(TREND_DIRECTIONS),
    },
    { additionalProperties: false },
  ),
);

export const LoyaltyRiskSchema = named(
  'LoyaltyRisk',
  Type.Object(
    {
      customerId: Type.String(),
      at: EpochMs(),
      windowDays: Type.Integer(),
      score: Type.Number({ minimum: 0, maximum: 1 }),
      band: StringEnum(LOYALTY_BANDS),
      factors: Type.Array(
        Type.Object(
          {
            factor: StringEnum(LOYALTY_FACTORS),
            value: Type.Number({ minimum: 0, maximum: 1 }),
            weight: Type.Number(),
            contribution: Type.Number(),
            detail: Type.String(),
            counts: Type.Record(Type.String(), Type.Integer()),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
);
