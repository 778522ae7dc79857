/** A receiver of outward events: a CRM, a field-service suite, a chat hook. */
export interface WebhookSubscription {
  id: string;
  url: string;
  /** Key of the HMAC signature; shown once, when the subscription is created. */
  secret: string;
  /** Events it takes: exact names, `prefix.*`, or `*`. */
  events: string[];
  description: string | null;
  active: boolean;
  createdAt: number;
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event for one subscription, in the outbox until delivered (or given up). */
export interface WebhookDelivery {
  /** Outbox sequence: deliveries to one subscription go out in this order. */
  seq: number;
  /** Sent as x-fleet-delivery; the same on every attempt. */
  deliveryId: string;
  subscriptionId: string;
  event: string;
  /** The exact bytes sent (and signed), every attempt. */
  body: string;
  createdAt: number;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: number | null;
}
