import type { INestApplication } from '@nestjs/common';
import { DomainEventBus } from '../../src/events/domain-event-bus.js';
import type { DomainEventName, DomainEvents } from '../../src/events/domain-events.js';

/**
 * Resolves with the next `event` the app publishes that `match` accepts: tests wait
 * for what they need to happen, however long a busy machine takes (the Jest timeout
 * is the only clock). Subscribe before doing what causes the event.
 */
export function nextEvent<K extends DomainEventName>(
  app: INestApplication,
  event: K,
  match: (payload: DomainEvents[K]) => boolean = () => true,
): Promise<DomainEvents[K]> {
  const bus = app.get(DomainEventBus);
  return new Promise((resolve) => {
    const off = bus.subscribe(event, `test:${event}`, (payload) => {
      if (!match(payload)) return;
      off();
      resolve(payload);
    });
  });
}
