import { Injectable } from '@nestjs/common';
import type { DomainEvents } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import { RegistryService } from './registry.service.js';

/** Registers unknown devices from their birth message, when configured to. */
@Injectable()
export class RegistryBirthListener {
  constructor(private readonly registry: RegistryService) {}

  @OnDomainEvent('device.status-changed')
  statusChanged(status: DomainEvents['device.status-changed']): Promise<void> {
    return this.registry.registerFromBirth(status);
  }
}
