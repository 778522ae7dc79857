import { Inject, Injectable } from '@nestjs/common';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import type { DomainEvents } from '../events/domain-events.js';
import { DEVICE_REPOSITORY, type DeviceRepository } from './device.repository.js';

/** Keeps the devices seen up to date from what ingest hears. */
@Injectable()
export class DevicesListener {
  constructor(@Inject(DEVICE_REPOSITORY) private readonly devices: DeviceRepository) {}

  @OnDomainEvent('devices.heard')
  heard({ lastHeard }: DomainEvents['devices.heard']): Promise<void> {
    return this.devices.touch(lastHeard);
  }

  @OnDomainEvent('device.status-changed')
  statusChanged(status: DomainEvents['device.status-changed']): Promise<void> {
    return this.devices.applyStatus(status);
  }
}
