import { Injectable } from '@nestjs/common';
import type { DomainEvents } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import { RegistryService } from '../registry/registry.service.js';
import { TechniciansService } from './technicians.service.js';

/**
 * A completed visit is a pay line of its technician, and puts the technician at the
 * site (dispatch plans the rest of the day from there).
 */
@Injectable()
export class TechniciansListener {
  constructor(
    private readonly technicians: TechniciansService,
    private readonly registry: RegistryService,
  ) {}

  @OnDomainEvent('work-order.changed')
  async onOrderChanged({ order, changes }: DomainEvents['work-order.changed']): Promise<void> {
    const completed = changes.find((c) => c.type === 'transition' && c.to === 'completed');
    if (!completed || !order.billing) return;
    const line = await this.technicians.recordVisit(order);
    if (!line || !order.siteId) return;
    const site = await this.registry.get('sites', order.siteId).catch(() => null);
    if (site?.lat === undefined || site.lon === undefined) return;
    await this.technicians.setPosition(
      line.technicianId,
      { lat: site.lat, lon: site.lon, at: completed.at },
      `work-order:${order.id}`,
      completed.at,
    );
  }
}
