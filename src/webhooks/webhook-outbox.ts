import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { eventMatches } from './webhook-retry.js';
import {
  WEBHOOK_OUTBOX_REPOSITORY,
  WEBHOOK_SUBSCRIPTION_REPOSITORY,
  type NewDelivery,
  type WebhookOutboxRepository,
  type WebhookSubscriptionRepository,
} from './webhook.repository.js';

/** What every delivery's body is: one event. */
export interface WebhookBody<T = unknown> {
  /** The delivery id (also in x-fleet-delivery). */
  id: string;
  event: string;
  /** When the event happened, ms since the epoch. */
  occurredAt: number;
  data: T;
}

/**
 * How a feature sends an event outward (work orders now; signals and alarms next).
 * Call `enqueue` inside the transaction that records the change: the deliveries are
 * written with it or not at all (a transactional outbox), and the delivery job sends
 * them, retrying until each receiver has it. Call `kick` after the commit to send
 * at once rather than at the next tick.
 */
@Injectable()
export class WebhookOutbox {
  private trigger: (() => void) | null = null;

  constructor(
    @Inject(WEBHOOK_SUBSCRIPTION_REPOSITORY) private readonly subscriptions: WebhookSubscriptionRepository,
    @Inject(WEBHOOK_OUTBOX_REPOSITORY) private readonly outbox: WebhookOutboxRepository,
  ) {}

  /** Writes one delivery per active subscription that takes `event`; returns how many. */
  async enqueue(event: string, data: unknown, occurredAt: number): Promise<number> {
    const subscribers = (await this.subscriptions.list()).filter(
      (s) => s.active && eventMatches(s.events, event),
    );
    if (!subscribers.length) return 0;
    const deliveries: NewDelivery[] = subscribers.map((s) => {
      const id = randomUUID();
      const body: WebhookBody = { id, event, occurredAt, data };
      return {
        deliveryId: id,
        subscriptionId: s.id,
        event,
        body: JSON.stringify(body),
        createdAt: Date.now(),
      };
    });
    await this.outbox.enqueue(deliveries);
    return deliveries.length;
  }

  /** Asks the delivery job to run now (after the enqueuing transaction committed). */
  kick(): void {
    this.trigger?.();
  }

  /** The delivery job registers how to be woken. */
  onKick(trigger: () => void): void {
    this.trigger = trigger;
  }
}
