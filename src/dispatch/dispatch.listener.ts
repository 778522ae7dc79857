import { Injectable } from '@nestjs/common';
import type { DomainEvents } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import { DispatchService } from './dispatch.service.js';

/**
 * An order opened is dispatched at once; an order that moved on (under way, done,
 * cancelled, given to someone else) updates the day plans that hold it.
 */
@Injectable()
export class DispatchListener {
  constructor(private readonly dispatch: DispatchService) {}

  @OnDomainEvent('work-order.created')
  async onCreated({ order, change }: DomainEvents['work-order.created']): Promise<void> {
    if (order.assignee) return;
    await this.dispatch.dispatch(order.id, change.at);
  }

  @OnDomainEvent('work-order.changed')
  async onChanged({ order, changes }: DomainEvents['work-order.changed']): Promise<void> {
    const moved = changes.filter((c) => c.type === 'transition');
    if (!moved.length) return;
    await this.dispatch.orderMoved(order, moved[moved.length - 1].at);
  }
}
