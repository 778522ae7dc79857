import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, Nullable, Page, PageQuery, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { DELIVERY_STATUSES } from './webhook.js';

/** Request and response schemas of the webhooks API (docs/webhooks.md). */

const SubscriptionId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$' });

export const CreateSubscriptionBody = named(
  'CreateWebhookSubscription',
  Type.Object(
    {
      id: Type.Optional({ ...SubscriptionId, description: 'Your id for it; generated when absent.' }),
      url: Type.String({ pattern: '^https?://', maxLength: 2000, description: 'Where to POST.' }),
      events: Type.Array(
        Type.String({ pattern: '^(\\*|[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*(\\.\\*)?)$', maxLength: 100 }),
        { minItems: 1, maxItems: 50, uniqueItems: true, description: 'Exact names, `prefix.*`, or `*`.' },
      ),
      secret: Type.Optional(
        Type.String({ minLength: 16, maxLength: 200, description: 'HMAC key; generated when absent.' }),
      ),
      description: Type.Optional(Type.String({ maxLength: 500 })),
    },
    { additionalProperties: false },
  ),
);
export type CreateSubscriptionBody = Static<typeof CreateSubscriptionBody>;

const subscriptionFields = {
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  description: Nullable(Type.String()),
  active: Type.Boolean(),
  createdAt: EpochMs(),
};

export const SubscriptionSchema = named(
  'WebhookSubscription',
  Type.Object(subscriptionFields, { additionalProperties: false }),
);
export const CreatedSubscriptionSchema = named(
  'WebhookSubscriptionCreated',
  Type.Object(
    { ...subscriptionFields, secret: Type.String({ description: 'Shown in this answer only.' }) },
    { additionalProperties: false },
  ),
);
export const SubscriptionList = named('WebhookSubscriptionList', Type.Array(SubscriptionSchema));
export const SubscriptionIdParams = Type.Object({ id: SubscriptionId }, { additionalProperties: false });

export const DeliveryQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(DELIVERY_STATUSES)),
    subscriptionId: Type.Optional(SubscriptionId),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type DeliveryQuery = Static<typeof DeliveryQuery>;

export const DeliverySchema = named(
  'WebhookDelivery',
  Type.Object(
    {
      seq: Type.Integer({ description: 'Outbox order: a subscription gets its deliveries in this order.' }),
      deliveryId: Type.String({ description: 'x-fleet-delivery: the same on every attempt.' }),
      subscriptionId: Type.String(),
      event: Type.String(),
      createdAt: EpochMs(),
      status: StringEnum(DELIVERY_STATUSES),
      attempts: Type.Integer(),
      nextAttemptAt: EpochMs(),
      lastStatus: Nullable(Type.Integer()),
      lastError: Nullable(Type.String()),
      deliveredAt: Nullable(EpochMs()),
    },
    { additionalProperties: false },
  ),
);
export const DeliveryPage = Page('WebhookDeliveryPage', DeliverySchema);
