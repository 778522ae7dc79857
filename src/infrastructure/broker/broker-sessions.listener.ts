import { Injectable, Logger } from '@nestjs/common';
import type { DomainEvents } from '../../events/domain-events.js';
import { OnDomainEvent } from '../../events/on-domain-event.decorator.js';
import { BrokerService } from './broker.service.js';

/** Credentials disabled, deleted or rotated: their live sessions end at once. */
@Injectable()
export class BrokerSessionsListener {
  private readonly logger = new Logger(BrokerSessionsListener.name);

  constructor(private readonly broker: BrokerService) {}

  @OnDomainEvent('mqtt-credentials.revoked')
  dropSessions({ identity, reason }: DomainEvents['mqtt-credentials.revoked']): void {
    const dropped = this.broker.disconnect(identity);
    if (dropped) this.logger.log({ identity, reason, dropped }, 'live MQTT sessions dropped');
  }
}
