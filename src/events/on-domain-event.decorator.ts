import { SetMetadata } from '@nestjs/common';
import type { DomainEventName } from './domain-events.js';

export const DOMAIN_EVENT_LISTENER = Symbol('DomainEventListener');

/**
 * Marks a provider method as a listener of a domain event. The method receives the
 * payload; it may be async. Each listener gets events one at a time, in publish order.
 */
export const OnDomainEvent = (...events: DomainEventName[]): MethodDecorator =>
  SetMetadata(DOMAIN_EVENT_LISTENER, events);
