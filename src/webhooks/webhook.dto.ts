import { DELIVERY_STATUSES } from './webhook.js';

/** POST /api/v1/webhooks/subscriptions */
export interface CreateSubscriptionRequest {
  url: string;
  events: string[];
  /** Given, or generated (returned once, in the answer to the creation). */
  secret?: string;
  description?: string;
}

const EVENT_FILTER = {
  type: 'string',
  pattern: '^(\\*|[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*(\\.\\*)?)$',
  maxLength: 100,
};

export const CREATE_SUBSCRIPTION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'events'],
  properties: {
    url: { type: 'string', pattern: '^https?://', maxLength: 2000 },
    events: { type: 'array', minItems: 1, maxItems: 50, items: EVENT_FILTER, uniqueItems: true },
    secret: { type: 'string', minLength: 16, maxLength: 200 },
    description: { type: 'string', maxLength: 500 },
  },
} as const;

/** A subscription as the API shows it: never its secret (except once, at creation). */
export const SUBSCRIPTION_SCHEMA = {
  type: 'object',
  required: ['id', 'url', 'events', 'description', 'active', 'createdAt'],
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    events: { type: 'array', items: { type: 'string' } },
    description: { type: ['string', 'null'] },
    active: { type: 'boolean' },
    createdAt: { type: 'integer', description: 'ms since the epoch' },
    secret: { type: 'string', description: 'only in the answer to the creation' },
  },
} as const;

export const DELIVERY_SCHEMA = {
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    deliveryId: { type: 'string' },
    subscriptionId: { type: 'string' },
    event: { type: 'string' },
    status: { enum: DELIVERY_STATUSES },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'integer' },
    lastStatus: { type: ['integer', 'null'] },
    lastError: { type: ['string', 'null'] },
    createdAt: { type: 'integer' },
    deliveredAt: { type: ['integer', 'null'] },
  },
} as const;
