import { Injectable } from '@nestjs/common';
import type { DomainEvents } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import { FeedbackService } from './feedback.service.js';

/**
 * Every completed visit gets a feedback request; a rating, a visit and an SLA breach
 * each move the customer's loyalty risk.
 */
@Injectable()
export class FeedbackListener {
  constructor(private readonly feedback: FeedbackService) {}

  @OnDomainEvent('work-order.changed')
  async onOrderChanged({ order, changes }: DomainEvents['work-order.changed']): Promise<void> {
    const completed = changes.find((c) => c.type === 'transition' && c.to === 'completed');
    if (!completed || !order.billing) return;
    await this.feedback.requestFor(order);
    if (order.customerId) await this.feedback.refreshLoyalty(order.customerId, completed.at);
  }

  @OnDomainEvent('work-order.sla-breached')
  async onBreach({ order, at }: DomainEvents['work-order.sla-breached']): Promise<void> {
    if (order.customerId) await this.feedback.refreshLoyalty(order.customerId, at);
  }

  @OnDomainEvent('feedback.received')
  async onRating({ request }: DomainEvents['feedback.received']): Promise<void> {
    if (request.customerId && request.answeredAt !== null)
      await this.feedback.refreshLoyalty(request.customerId, request.answeredAt);
  }
}
