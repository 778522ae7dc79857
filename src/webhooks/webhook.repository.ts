import type { DeliveryStatus, WebhookDelivery, WebhookSubscription } from './webhook.js';

export interface WebhookSubscriptionRepository {
  create(s: WebhookSubscription): Promise<void>;
  get(id: string): Promise<WebhookSubscription | null>;
  /** Sorted by creation. */
  list(): Promise<WebhookSubscription[]>;
  /** False when there was none; its pending deliveries go with it. */
  remove(id: string): Promise<boolean>;
}

export interface NewDelivery {
  deliveryId: string;
  subscriptionId: string;
  event: string;
  body: string;
  createdAt: number;
}

export interface DeliveryListQuery {
  status?: DeliveryStatus;
  subscriptionId?: string;
  limit: number;
  /** Deliveries with a smaller sequence (older); the list is newest first. */
  beforeSeq?: number;
}

/**
 * The outbox: deliveries written in the same transaction as the change they tell
 * about, so none is lost when the process stops before sending; sent later by the
 * delivery job. Per subscription, in sequence order.
 */
export interface WebhookOutboxRepository {
  enqueue(deliveries: readonly NewDelivery[]): Promise<void>;
  /** Subscriptions whose oldest pending delivery may be attempted at `now`. */
  dueSubscriptions(now: number): Promise<string[]>;
  /** The subscription's oldest pending deliveries, in order. */
  pending(subscriptionId: string, limit: number): Promise<WebhookDelivery[]>;
  markDelivered(seq: number, at: number, attempts: number, status: number): Promise<void>;
  /** A failed attempt: retried at `nextAttemptAt`, or dead when null. */
  markFailed(
    seq: number,
    attempts: number,
    nextAttemptAt: number | null,
    status: number | null,
    error: string,
  ): Promise<void>;
  list(query: DeliveryListQuery): Promise<WebhookDelivery[]>;
  /** Deletes delivered and dead deliveries older than `before`; how many. */
  prune(before: number): Promise<number>;
}

export const WEBHOOK_SUBSCRIPTION_REPOSITORY = Symbol('WebhookSubscriptionRepository');
export const WEBHOOK_OUTBOX_REPOSITORY = Symbol('WebhookOutboxRepository');
